import { describe, expect, it } from 'vitest';
import { chunkSpan, evaluationRange, minutesFromSeries, spanToPull } from './prometheus-pull.js';
import { DAY_MS, MINUTE_MS } from './types.js';

const T = Date.parse('2026-11-20T09:00:00Z');
const s = (ms: number) => ms / 1000;

describe('spanToPull', () => {
  it.each([
    { name: 'steady: the minutes since the last pull up to the one before the last complete minute', pulled: T - 2 * MINUTE_MS, now: T + 15_000, expected: { start: T - 2 * MINUTE_MS, end: T - MINUTE_MS } },
    { name: 'nothing new within the same minute', pulled: T - MINUTE_MS, now: T + 59_000, expected: null },
    { name: 'a new SLO starts at its window', pulled: 0, now: T, expected: { start: T - 28 * DAY_MS, end: T - MINUTE_MS } },
    { name: 'after 40 days down, catch-up is bounded to the window', pulled: T - 40 * DAY_MS, now: T + 30_000, expected: { start: T - 28 * DAY_MS, end: T - MINUTE_MS } },
  ])('$name', ({ pulled, now, expected }) => {
    expect(spanToPull(pulled, now, 28 * DAY_MS)).toEqual(expected);
  });
});

describe('chunkSpan and evaluationRange', () => {
  it('28 days split into chunks of at most 10,000 points, each under the 11,000 limit', () => {
    const chunks = chunkSpan({ start: T - 28 * DAY_MS, end: T });
    expect(chunks).toHaveLength(5);
    expect(chunks.map((c) => (c.end - c.start) / MINUTE_MS)).toEqual([10_000, 10_000, 10_000, 10_000, 320]);
    for (const chunk of chunks) {
      const range = evaluationRange(chunk);
      expect((range.end - range.start) / range.stepSeconds + 1).toBeLessThanOrEqual(11_000);
    }
  });

  it('minute M is read at M + 1 m (increase over the minute ending there)', () => {
    expect(evaluationRange({ start: T, end: T + 3 * MINUTE_MS })).toEqual({ start: s(T + MINUTE_MS), end: s(T + 3 * MINUTE_MS), stepSeconds: 60 });
  });
});

describe('minutesFromSeries', () => {
  const chunk = { start: T, end: T + 4 * MINUTE_MS };
  const at = (minute: number) => s(T + (minute + 1) * MINUTE_MS);

  it('bad and total give good = total − bad; NaN, +Inf and a missing point are gaps, not good minutes', () => {
    const result = minutesFromSeries({ kind: 'prometheus', bad: 'b', total: 't' }, chunk, {
      bad: [[[at(0), '2'], [at(1), 'NaN'], [at(2), '0']]],
      total: [[[at(0), '100'], [at(1), '100'], [at(2), '+Inf']]],
    });
    expect(result.buckets).toEqual([{ start: T, good: 98, total: 100 }]);
    expect(result.gaps).toEqual([
      { start: T + MINUTE_MS, end: T + 3 * MINUTE_MS, reason: 'nan' },
      { start: T + 3 * MINUTE_MS, end: T + 4 * MINUTE_MS, reason: 'no_points' },
    ]);
  });

  it('several series are summed; good a hair over total (extrapolation) is clamped to total', () => {
    const result = minutesFromSeries({ kind: 'prometheus', good: 'g', total: 't' }, { start: T, end: T + MINUTE_MS }, {
      good: [[[at(0), '50']], [[at(0), '50.4']]],
      total: [[[at(0), '100']]],
    });
    expect(result).toEqual({ buckets: [{ start: T, good: 100, total: 100 }], gaps: [] });
  });

  it('an error ratio weighs one event per minute; a negative count is a gap', () => {
    const ratio = minutesFromSeries({ kind: 'prometheus-ratio', errorRatio: 'r' }, { start: T, end: T + 2 * MINUTE_MS }, { errorRatio: [[[at(0), '0.25'], [at(1), '-1']]] });
    expect(ratio).toEqual({ buckets: [{ start: T, good: 0.75, total: 1 }], gaps: [{ start: T + MINUTE_MS, end: T + 2 * MINUTE_MS, reason: 'nan' }] });
  });
});
