import { describe, expect, it } from 'vitest';
import { burnRate, burnReport, burnThreshold, projectedExhaustion } from './burn-rate.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type MinuteBucket, type SloTarget } from './types.js';

const NOW = Date.parse('2026-11-28T00:00:00Z');
const target = (days = 30, objective = 0.999): SloTarget => ({ objective, window: { kind: 'rolling', days }, budgeting: { kind: 'occurrences' } });
/** Minutes counting back from now: `errors(i)` failed requests of 1,000 in the minute i minutes before now. */
function minutes(count: number, errors: (minutesAgo: number) => number): MinuteBucket[] {
  return Array.from({ length: count }, (_, k) => count - k).map((ago) => ({ start: NOW - ago * MINUTE_MS, good: 1_000 - errors(ago), total: 1_000 }));
}

describe('burnThreshold', () => {
  it.each([
    ['2 % of a 30-day budget in 1 h is 14.4×', 0.02, 30, 1, 14.4],
    ['5 % in 6 h is 6×', 0.05, 30, 6, 6],
    ['10 % in 3 days is 1×', 0.1, 30, 72, 1],
    ['scaled to a 28-day window: 2 % in 1 h is 13.44×', 0.02, 28, 1, 13.44],
    ['scaled to a 7-day window: 2 % in 1 h is 3.36×', 0.02, 7, 1, 3.36],
  ])('%s', (_title, share, days, hours, expected) => {
    expect(burnThreshold(share, days * DAY_MS, hours * HOUR_MS)).toBeCloseTo(expected, 9);
  });
});

describe('burnRate and burnReport', () => {
  it('a steady 2 % error ratio on 99.9 % burns at 20× in every window and pages', () => {
    const data = minutes(3 * 24 * 60, () => 20);
    expect(burnRate(target(), data, NOW, HOUR_MS)).toBeCloseTo(20, 9);
    const report = burnReport(target(), data, NOW);
    expect(report.state).toBe('page');
    expect(report.checks.map((c) => c.firing)).toEqual([true, true, true]);
  });

  it('a burn that stopped five minutes ago no longer pages (the short window resets) but still tickets', () => {
    const data = minutes(6 * 60, (ago) => (ago > 5 && ago <= 60 ? 20 : 0));
    const report = burnReport(target(), data, NOW);
    expect(report.rates['1h']).toBeCloseTo((55 * 20) / 60_000 / 0.001, 9);
    expect(report.rates['5m']).toBe(0);
    expect(report.rates['6h']).toBeCloseTo(1_100 / 360_000 / 0.001, 9);
    expect(report.state).toBe('ticket');
  });

  it('a five-minute spike alone does not page: the long window decides significance', () => {
    const data = minutes(60, (ago) => (ago <= 5 ? 100 : 0));
    const report = burnReport(target(), data, NOW);
    expect(report.rates['5m']).toBeCloseTo(100, 9);
    expect(report.rates['1h']).toBeCloseTo(500 / 60_000 / 0.001, 9);
    expect(report.checks[0]!.firing).toBe(false);
  });

  it('no data in the last three days is no_data, not ok', () => {
    expect(burnReport(target(), [], NOW).state).toBe('no_data');
    expect(burnRate(target(), [], NOW, HOUR_MS)).toBeNull();
  });

  it('a clean service is ok', () => {
    expect(burnReport(target(), minutes(120, () => 0), NOW).state).toBe('ok');
  });
});

describe('projectedExhaustion', () => {
  it.each<[string, number | null, number | null, number | null]>([
    ['half the budget at 14.4× is gone in 25 hours', 0.5, 14.4, NOW + 25 * HOUR_MS],
    ['not burning: never', 0.5, 0, null],
    ['already exhausted: now', -0.1, 3, NOW],
    ['no data: unknown', null, 2, null],
  ])('%s', (_title, remaining, rate, expected) => {
    const at = projectedExhaustion(remaining, rate, 30 * DAY_MS, NOW);
    if (expected === null) expect(at).toBeNull();
    else expect(at).toBeCloseTo(expected, 0);
  });
});
