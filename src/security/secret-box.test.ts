import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

const box = new SecretBox('a-test-secret-key-of-at-least-32-chars');

describe('SecretBox', () => {
  it('opens what it sealed, and never leaves the plaintext in the sealed form', () => {
    const sealed = box.seal('xoxp-1234-secret', 'slack:T1:admin');
    expect(sealed).not.toContain('xoxp');
    expect(box.open(sealed, 'slack:T1:admin')).toBe('xoxp-1234-secret');
  });

  it('seals the same token differently each time (random IV)', () => {
    expect(box.seal('x', 'c')).not.toBe(box.seal('x', 'c'));
  });

  it.each([
    ['another context (a value copied to another row)', (s: string) => box.open(s, 'slack:T2:admin')],
    ['another key', (s: string) => new SecretBox('another-secret-key-of-at-least-32-chars').open(s, 'slack:T1:admin')],
    ['a tampered ciphertext', (s: string) => box.open(`${s.slice(0, -2)}${s.endsWith('A') ? 'B' : 'A'}A`, 'slack:T1:admin')],
  ])('refuses to open with %s', (_name, open) => {
    expect(() => open(box.seal('xoxp-1234-secret', 'slack:T1:admin'))).toThrow();
  });

  it('refuses a short key', () => {
    expect(() => new SecretBox('short')).toThrow(/at least 32/);
  });
});
