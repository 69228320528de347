import { describe, expect, it } from 'vitest';
import { checkPushedBuckets } from './pushed-buckets.js';
import type { SloTarget } from './types.js';

const target: SloTarget = { objective: 0.999, window: { kind: 'rolling', days: 7 }, budgeting: { kind: 'occurrences' } };
const now = Date.parse('2026-11-20T09:00:30Z');

describe('checkPushedBuckets', () => {
  it.each([
    { name: 'good > total', bucket: { start: '2026-11-20T08:59:00Z', good: 11, total: 10 }, field: 'buckets[0].good', reason: /must not exceed total/ },
    { name: 'negative good', bucket: { start: '2026-11-20T08:59:00Z', good: -1, total: 10 }, field: 'buckets[0].good', reason: /negative/ },
    { name: 'negative total', bucket: { start: '2026-11-20T08:59:00Z', good: 0, total: -5 }, field: 'buckets[0].total', reason: /negative/ },
    { name: 'NaN', bucket: { start: '2026-11-20T08:59:00Z', good: Number.NaN, total: 10 }, field: 'buckets[0].good', reason: /finite/ },
    { name: 'Infinity', bucket: { start: '2026-11-20T08:59:00Z', good: 1, total: Number.POSITIVE_INFINITY }, field: 'buckets[0].total', reason: /finite/ },
    { name: 'over 1e20', bucket: { start: '2026-11-20T08:59:00Z', good: 1, total: 2e20 }, field: 'buckets[0].total', reason: /1e20/ },
    { name: 'start inside a minute', bucket: { start: '2026-11-20T08:59:30Z', good: 1, total: 1 }, field: 'buckets[0].start', reason: /start of a minute/ },
    { name: 'six minutes ahead', bucket: { start: '2026-11-20T09:06:00Z', good: 1, total: 1 }, field: 'buckets[0].start', reason: /future/ },
    { name: 'older than the 7-day window', bucket: { start: '2026-11-13T08:59:00Z', good: 1, total: 1 }, field: 'buckets[0].start', reason: /older than the SLO's window/ },
    { name: 'not a time', bucket: { start: 'yesterday', good: 1, total: 1 }, field: 'buckets[0].start', reason: /RFC 3339/ },
  ])('refuses $name, naming the field', ({ bucket, field, reason }) => {
    const result = checkPushedBuckets(target, [bucket], now);
    expect('problem' in result && result.problem.field).toBe(field);
    expect('problem' in result && result.problem.reason).toMatch(reason);
  });

  it('names the index of the first bad bucket', () => {
    const result = checkPushedBuckets(target, [{ start: '2026-11-20T08:58:00Z', good: 1, total: 1 }, { start: '2026-11-20T08:59:00Z', good: 3, total: 2 }], now);
    expect(result).toEqual({ problem: { field: 'buckets[1].good', reason: 'must not exceed total (good 3 > total 2)' } });
  });

  it('accepts the edges: five minutes ahead, the window\'s first minute, zero traffic, offsets; one minute twice keeps the last', () => {
    const result = checkPushedBuckets(target, [
      { start: '2026-11-20T09:05:00Z', good: 0, total: 0 },
      { start: '2026-11-13T09:01:00Z', good: 5, total: 5 },
      { start: '2026-11-20T18:00:00+09:00', good: 1, total: 2 },
      { start: '2026-11-20T09:00:00Z', good: 2, total: 2 },
    ], now);
    expect(result).toEqual({
      buckets: [
        { start: Date.parse('2026-11-13T09:01:00Z'), good: 5, total: 5 },
        { start: Date.parse('2026-11-20T09:00:00Z'), good: 2, total: 2 },
        { start: Date.parse('2026-11-20T09:05:00Z'), good: 0, total: 0 },
      ],
    });
  });

  it('refuses an empty push', () => {
    expect(checkPushedBuckets(target, [], now)).toEqual({ problem: { field: 'buckets', reason: 'must hold at least one bucket' } });
  });
});
