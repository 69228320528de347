import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, newId } from './ids.js';

describe('newId', () => {
  it('is a version 7 UUID', () => {
    const id = newId();
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });

  it('keeps increasing within one millisecond and when the clock stands still', () => {
    const at = Date.parse('2026-11-20T09:00:00Z');
    const ids = Array.from({ length: 5000 }, () => newId(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps increasing when the clock steps backwards', () => {
    const a = newId(Date.parse('2026-11-20T09:00:01Z'));
    const b = newId(Date.parse('2026-11-20T09:00:00Z'));
    expect(b > a).toBe(true);
  });
});
