import { describe, expect, it } from 'vitest';
import { HOUR_MS, DAY_MS, type SloWindow } from './types.js';
import { windowAt, windowLength } from './window.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('windowAt', () => {
  it.each<[string, SloWindow, string, string, string, number]>([
    ['rolling 28 days ends now', { kind: 'rolling', days: 28 }, '2026-11-28T12:34:00Z', '2026-10-31T12:34:00.000Z', '2026-11-28T12:34:00.000Z', 28 * DAY_MS],
    ['ISO week starts Monday 00:00 in Tokyo (Sunday 15:00 UTC)', { kind: 'calendar', unit: 'week', timeZone: 'Asia/Tokyo' }, '2026-11-25T03:00:00Z', '2026-11-22T15:00:00.000Z', '2026-11-29T15:00:00.000Z', 7 * DAY_MS],
    ['the week of the DST change in New York is 169 hours long', { kind: 'calendar', unit: 'week', timeZone: 'America/New_York' }, '2026-10-29T12:00:00Z', '2026-10-26T04:00:00.000Z', '2026-11-02T05:00:00.000Z', 169 * HOUR_MS],
    ['February 2026 is 28 days', { kind: 'calendar', unit: 'month', timeZone: 'UTC' }, '2026-02-14T00:00:00Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 28 * DAY_MS],
    ['the first instant of a month belongs to that month', { kind: 'calendar', unit: 'month', timeZone: 'UTC' }, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 31 * DAY_MS],
  ])('%s', (_title, window, at, start, end, length) => {
    const span = windowAt(window, Date.parse(at));
    expect([iso(span.start), iso(span.end)]).toEqual([start, end]);
    expect(windowLength(window, Date.parse(at))).toBe(length);
  });
});
