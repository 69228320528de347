import { describe, expect, it } from 'vitest';
import { describeJobError, PermanentError, RetryableError } from './errors.js';

describe('describeJobError', () => {
  it.each([
    { name: 'names the class of a plain error', error: new Error('boom'), expected: 'Error: boom' },
    { name: 'names a RetryableError', error: new RetryableError('slack 429'), expected: 'RetryableError: slack 429' },
    { name: 'names a PermanentError', error: new PermanentError('channel archived'), expected: 'PermanentError: channel archived' },
    { name: 'a thrown string is kept', error: 'oops', expected: 'thrown value: oops' },
    {
      name: 'redacts a Slack bot token inside a message',
      error: new Error('invalid_auth for xoxb-1234-5678-abcDEF'),
      expected: 'Error: invalid_auth for xox?-[redacted]',
    },
    { name: 'redacts an app-level token', error: new Error('bad xapp-1-A0-99-ff'), expected: 'Error: bad xapp-[redacted]' },
    { name: 'redacts a bearer header', error: new Error('sent Bearer abc.def'), expected: 'Error: sent Bearer [redacted]' },
    {
      name: 'redacts credentials in a URL',
      error: new Error('connect postgres://hikeshi:s3cret@db:5432/x failed'),
      expected: 'Error: connect postgres://[redacted]@db:5432/x failed',
    },
  ])('$name', ({ error, expected }) => {
    expect(describeJobError(error)).toBe(expected);
  });

  it('cuts a very long message to 1,000 characters', () => {
    const text = describeJobError(new Error('x'.repeat(5_000)));
    expect(text).toHaveLength(1_000);
    expect(text.endsWith('…')).toBe(true);
  });

  it('keeps the stable codes and the Retry-After', () => {
    const retryable = new RetryableError('slow down', 30_000);
    expect([retryable.code, retryable.retryAfterMs, new PermanentError('x').code]).toEqual([
      'job.retryable',
      30_000,
      'job.permanent',
    ]);
  });
});
