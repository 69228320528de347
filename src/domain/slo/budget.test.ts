import { describe, expect, it } from 'vitest';
import { budgetStatus } from './budget.js';
import { DAY_MS, MINUTE_MS, type MinuteBucket, type SloTarget } from './types.js';

const NOW = Date.parse('2026-11-28T00:00:00Z');
const occurrences = (objective: number, days = 28): SloTarget => ({ objective, window: { kind: 'rolling', days }, budgeting: { kind: 'occurrences' } });
const timeslices = (objective: number, days = 30): SloTarget => ({ objective, window: { kind: 'rolling', days }, budgeting: { kind: 'timeslices', sliceTarget: 0.99 } });
const minute = (minutesBeforeNow: number, good: number, total: number): MinuteBucket => ({ start: NOW - minutesBeforeNow * MINUTE_MS, good, total });
const badMinutes = (count: number): MinuteBucket[] => Array.from({ length: count }, (_, i) => minute(100 + i, 50, 100));

describe('budgetStatus', () => {
  it.each<[string, SloTarget, MinuteBucket[], { attainment: number | null; budget: number; consumed: number; remainingFraction: number | null; health: string; unit: string }]>([
    [
      'occurrences, the reference case: 120M requests at 99.9 % leave a 120,000-error budget, 30,600 errors burn 25.5 %',
      occurrences(0.999),
      [minute(600, 119_969_400, 119_969_400), minute(300, 0, 30_600)],
      { attainment: 0.999745, budget: 120_000, consumed: 30_600, remainingFraction: 0.745, health: 'healthy', unit: 'events' },
    ],
    [
      'timeslices: 30 days at 99.9 % allow 43.2 bad minutes; 25 bad minutes leave 42 %',
      timeslices(0.999),
      [...badMinutes(25), minute(10, 100, 100)],
      { attainment: 1 / 26, budget: 43.2, consumed: 25, remainingFraction: 18.2 / 43.2, health: 'healthy', unit: 'minutes' },
    ],
    [
      'no data at all is no_data, never a full budget or 100 %',
      occurrences(0.999),
      [],
      { attainment: null, budget: 0, consumed: 0, remainingFraction: null, health: 'no_data', unit: 'events' },
    ],
    [
      'a quiet timeslices SLO with no data is no_data although its budget in minutes is known',
      timeslices(0.999),
      [],
      { attainment: null, budget: 43.2, consumed: 0, remainingFraction: null, health: 'no_data', unit: 'minutes' },
    ],
    [
      'at risk below a quarter of the budget left',
      occurrences(0.99),
      [minute(5, 9_920, 10_000)],
      { attainment: 0.992, budget: 100, consumed: 80, remainingFraction: 0.2, health: 'at_risk', unit: 'events' },
    ],
    [
      'exhausted once the budget is spent, remaining goes negative',
      occurrences(0.99),
      [minute(5, 9_800, 10_000)],
      { attainment: 0.98, budget: 100, consumed: 200, remainingFraction: -1, health: 'exhausted', unit: 'events' },
    ],
    [
      'minutes before the rolling window and after now are not counted',
      occurrences(0.99),
      [{ start: NOW - 29 * DAY_MS, good: 0, total: 1_000 }, minute(5, 1_000, 1_000), { start: NOW + MINUTE_MS, good: 0, total: 1_000 }],
      { attainment: 1, budget: 10, consumed: 0, remainingFraction: 1, health: 'healthy', unit: 'events' },
    ],
    [
      'a timeslices minute exactly at the slice target is good',
      timeslices(0.999),
      [minute(3, 99, 100)],
      { attainment: 1, budget: 43.2, consumed: 0, remainingFraction: 1, health: 'healthy', unit: 'minutes' },
    ],
  ])('%s', (_title, target, buckets, expected) => {
    const status = budgetStatus(target, buckets, NOW);
    expect(status.unit).toBe(expected.unit);
    expect(status.health).toBe(expected.health);
    expect(status.consumed).toBeCloseTo(expected.consumed, 6);
    expect(status.budget).toBeCloseTo(expected.budget, 6);
    if (expected.attainment === null) expect(status.attainment).toBeNull();
    else expect(status.attainment).toBeCloseTo(expected.attainment, 9);
    if (expected.remainingFraction === null) expect(status.remainingFraction).toBeNull();
    else expect(status.remainingFraction).toBeCloseTo(expected.remainingFraction, 9);
  });

  it('a calendar month in Asia/Tokyo starts at 15:00 UTC the day before and allows 44.64 bad minutes in 31 days', () => {
    const target: SloTarget = { objective: 0.999, window: { kind: 'calendar', unit: 'month', timeZone: 'Asia/Tokyo' }, budgeting: { kind: 'timeslices', sliceTarget: 0.99 } };
    const now = Date.parse('2026-12-01T10:00:00Z');
    const status = budgetStatus(target, [{ start: Date.parse('2026-11-30T14:59:00Z'), good: 0, total: 10 }, { start: Date.parse('2026-11-30T15:00:00Z'), good: 0, total: 10 }], now);
    expect(new Date(status.window.start).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(new Date(status.window.end).toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect(status.budget).toBeCloseTo(44.64, 9);
    expect(status.consumed).toBe(1);
    expect(status.coverage).toBeCloseTo(1 / 1140, 9);
  });
});
