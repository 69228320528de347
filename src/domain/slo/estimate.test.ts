import { describe, expect, it } from 'vitest';
import { estimateMinutes } from './estimate.js';
import { MINUTE_MS } from './types.js';

const T = Date.parse('2026-11-20T09:00:00Z');
const m = (n: number) => T + n * MINUTE_MS;

describe('estimateMinutes', () => {
  it.each([
    { name: 'no incidents: every minute good', impacts: [], bad: [] },
    { name: 'whole minutes inside the impact are bad', impacts: [{ start: m(2), end: m(4) }], bad: [2, 3] },
    { name: 'a minute the impact only touches part of is bad (never counted good)', impacts: [{ start: m(1) + 30_000, end: m(2) + 1 }], bad: [1, 2] },
    { name: 'overlapping incidents count a minute once', impacts: [{ start: m(0), end: m(3) }, { start: m(2), end: m(5) }], bad: [0, 1, 2, 3, 4] },
    { name: 'an impact ending exactly at a minute start leaves that minute good', impacts: [{ start: m(5), end: m(6) }], bad: [5] },
    { name: 'an empty impact counts nothing', impacts: [{ start: m(3), end: m(3) }], bad: [] },
  ])('$name', ({ impacts, bad }) => {
    const buckets = estimateMinutes({ start: m(0), end: m(6) }, impacts);
    expect(buckets).toHaveLength(6);
    expect(buckets.every((b) => b.total === 1)).toBe(true);
    expect(buckets.filter((b) => b.good === 0).map((b) => (b.start - T) / MINUTE_MS)).toEqual(bad);
  });
});
