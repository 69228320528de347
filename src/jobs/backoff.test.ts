import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('retryDelayMs', () => {
  it.each([
    { name: 'first retry waits 1 s', attempt: 1, random: 0.5, retryAfter: undefined, expected: 1_000 },
    { name: 'doubles per attempt', attempt: 2, random: 0.5, retryAfter: undefined, expected: 2_000 },
    { name: 'the fifth failure waits 16 s', attempt: 5, random: 0.5, retryAfter: undefined, expected: 16_000 },
    { name: 'jitter lowers by at most 20%', attempt: 3, random: 0, retryAfter: undefined, expected: 3_200 },
    { name: 'jitter raises by at most 20%', attempt: 3, random: 1, retryAfter: undefined, expected: 4_800 },
    { name: 'caps at one hour', attempt: 13, random: 0.5, retryAfter: undefined, expected: HOUR },
    { name: 'upward jitter never passes the cap', attempt: 13, random: 1, retryAfter: undefined, expected: HOUR },
    { name: 'a huge attempt number does not overflow', attempt: 10_000, random: 0.5, retryAfter: undefined, expected: HOUR },
    { name: "Retry-After longer than the backoff wins (Slack's 429)", attempt: 1, random: 0.5, retryAfter: 30_000, expected: 30_000 },
    { name: 'Retry-After shorter than the backoff loses', attempt: 4, random: 0.5, retryAfter: 1_000, expected: 8_000 },
    { name: 'Retry-After may pass the one-hour cap', attempt: 1, random: 0.5, retryAfter: 2 * HOUR, expected: 2 * HOUR },
    { name: 'an absurd Retry-After is capped at a day', attempt: 1, random: 0.5, retryAfter: 30 * DAY, expected: DAY },
    { name: 'a negative Retry-After is ignored', attempt: 1, random: 0.5, retryAfter: -5, expected: 1_000 },
    { name: 'a NaN Retry-After is ignored', attempt: 1, random: 0.5, retryAfter: Number.NaN, expected: 1_000 },
  ])('$name', ({ attempt, random, retryAfter, expected }) => {
    expect(retryDelayMs(attempt, random, retryAfter)).toBe(expected);
  });
});
