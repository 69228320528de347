import { describe, expect, it } from 'vitest';
import { EMPTY_TOTALS } from '../slo/buckets.js';
import { DAY_MS, type SloTarget } from '../slo/types.js';
import { burndown, burndownPoints } from './burndown.js';

const t = (good: number, total: number, bad: number, minutesWithData: number) => ({ good, total, bad, minutesWithData });

describe('burndown', () => {
  it('rolling window: what enters the week is added, what slides out of the window is taken away', () => {
    const target: SloTarget = { objective: 0.9, window: { kind: 'rolling', days: 2 }, budgeting: { kind: 'occurrences' } };
    const points = [0, DAY_MS, 2 * DAY_MS];
    // Window at 0 = [-2d, 0): 5 bad of 100 → budget 10, half left.
    // At 1d: + [0,1d) (100 good) − [-2d,-1d) (45 good, 5 bad) → 0 bad of 150 → all left.
    // At 2d: + [1d,2d) (20 bad of 100) − [-1d,0) (50 good) → 20 bad of 200 → budget 20, none left.
    const remaining = burndown(target, points, t(95, 100, 5, 100), [t(100, 100, 0, 100), t(80, 100, 20, 100)], [t(45, 50, 5, 50), t(50, 50, 0, 50)], 2 * DAY_MS);
    expect(remaining[0]).toBeCloseTo(0.5, 12);
    expect(remaining[1]).toBeCloseTo(1, 12);
    expect(remaining[2]).toBeCloseTo(0, 12);
  });

  it('points after the review’s end (the rest of a running week) are null', () => {
    const target: SloTarget = { objective: 0.9, window: { kind: 'rolling', days: 2 }, budgeting: { kind: 'occurrences' } };
    const remaining = burndown(target, [0, DAY_MS, 2 * DAY_MS], t(95, 100, 5, 100), [t(100, 100, 0, 100), t(80, 100, 20, 100)], [t(45, 50, 5, 50), t(50, 50, 0, 50)], 1.5 * DAY_MS);
    expect(remaining[2]).toBeNull();
    expect(remaining[1]).toBeCloseTo(1, 12);
  });

  it('a calendar month starting mid-week starts from nothing: no data at its first instant, then only the new month', () => {
    const target: SloTarget = { objective: 0.9, window: { kind: 'calendar', unit: 'month', timeZone: 'UTC' }, budgeting: { kind: 'occurrences' } };
    const week = { start: Date.parse('2026-11-30T00:00:00Z'), end: Date.parse('2026-12-07T00:00:00Z') };
    const points = burndownPoints(week, 'day', 'UTC');
    const inWeek = [t(100, 100, 0, 1440), t(90, 100, 10, 1440), ...Array(5).fill(EMPTY_TOTALS)];
    const remaining = burndown(target, points, t(95, 100, 5, 1000), inWeek, [], week.end);
    expect(remaining[0]).toBeCloseTo(0.5, 12);
    expect(remaining[1]).toBeNull();
    expect(remaining[2]).toBeCloseTo(0, 12);
  });

  it('no data anywhere: every point null, never a full budget', () => {
    const target: SloTarget = { objective: 0.999, window: { kind: 'rolling', days: 28 }, budgeting: { kind: 'occurrences' } };
    expect(burndown(target, [0, DAY_MS], EMPTY_TOTALS, [EMPTY_TOTALS], [EMPTY_TOTALS], DAY_MS)).toEqual([null, null]);
  });
});

describe('burndownPoints', () => {
  it.each([
    ['hourly over an ordinary week: 169 points', { start: Date.parse('2026-11-22T15:00:00Z'), end: Date.parse('2026-11-29T15:00:00Z') }, 'hour', 'Asia/Tokyo', 169],
    ['hourly across the spring DST change in New York: 168 points', { start: Date.parse('2026-03-02T05:00:00Z'), end: Date.parse('2026-03-09T04:00:00Z') }, 'hour', 'America/New_York', 168],
    ['daily: the 8 local midnights, even across a DST change', { start: Date.parse('2026-03-02T05:00:00Z'), end: Date.parse('2026-03-09T04:00:00Z') }, 'day', 'America/New_York', 8],
  ] as const)('%s', (_title, week, step, zone, count) => {
    const points = burndownPoints(week, step, zone);
    expect(points).toHaveLength(count);
    expect(points[0]).toBe(week.start);
    expect(points[points.length - 1]).toBe(week.end);
  });

  it('daily points fall on local midnight after the clocks change', () => {
    const points = burndownPoints({ start: Date.parse('2026-03-02T05:00:00Z'), end: Date.parse('2026-03-09T04:00:00Z') }, 'day', 'America/New_York');
    expect(new Date(points[6]!).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(points[7]!).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });
});
