import { describe, expect, it } from 'vitest';
import { takeTokens } from './rate-limit.js';

describe('takeTokens', () => {
  it('lets a new integration spend its whole minute at once', () => {
    expect(takeTokens(undefined, 60, 60, 0)).toEqual({ bucket: { tokens: 0, atMs: 0 }, allowed: true, retryAfterSeconds: 0 });
  });

  it.each([
    ['one alert over, at 60/min', 0, 1, 60, 1],
    ['ten alerts over, at 60/min', 0, 10, 60, 10],
    ['half refilled after 30 s, asking for 40 at 60/min', 30_000, 40, 60, 10],
    ['one over at 6/min (a token every 10 s)', 0, 1, 6, 10],
  ])('refuses %s and says when it fits', (_case, elapsedMs, cost, perMinute, retryAfterSeconds) => {
    const empty = { tokens: 0, atMs: 0 };
    const result = takeTokens(empty, cost, perMinute, elapsedMs);
    expect(result.allowed).toBe(false);
    expect(result.retryAfterSeconds).toBe(retryAfterSeconds);
    expect(result.bucket.tokens).toBeCloseTo((elapsedMs / 60_000) * perMinute);
  });

  it('never refills past one minute’s allowance', () => {
    expect(takeTokens({ tokens: 0, atMs: 0 }, 1, 60, 3_600_000).bucket.tokens).toBe(59);
  });

  it('charges a request larger than the allowance the allowance, so it can pass once the bucket is full', () => {
    expect(takeTokens(undefined, 500, 100, 0)).toMatchObject({ allowed: true, bucket: { tokens: 0 } });
  });
});
