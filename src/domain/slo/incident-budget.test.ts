import { describe, expect, it } from 'vitest';
import type { IncidentImpact } from './attribution.js';
import { EMPTY_TOTALS, type Totals } from './buckets.js';
import { budgetSentence, formatThreshold } from './budget-sentence.js';
import { impactSpan, incidentBudget, postmortemRequired, type IncidentBudget, type IncidentTimes } from './incident-budget.js';
import { MINUTE_MS, type MinuteBucket, type SloTarget, type Span } from './types.js';

const T0 = Date.parse('2026-11-10T10:00:00Z');
const at = (minute: number) => T0 + minute * MINUTE_MS;
const span = (from: number, to: number): Span => ({ start: at(from), end: at(to) });
/** `count` minutes from `from`, each with `bad` failed events out of `total`. */
const minutes = (from: number, count: number, bad: number, total = 100_000): MinuteBucket[] =>
  Array.from({ length: count }, (_, i) => ({ start: at(from + i), good: total - bad, total }));
const totals = (total: number): Totals => ({ ...EMPTY_TOTALS, total, good: total });
const occurrences = (days = 28): SloTarget => ({ objective: 0.999, window: { kind: 'rolling', days }, budgeting: { kind: 'occurrences' } });
const timeslices = (window: SloTarget['window'] = { kind: 'rolling', days: 30 }): SloTarget => ({ objective: 0.999, window, budgeting: { kind: 'timeslices', sliceTarget: 0.99 } });

describe('impactSpan', () => {
  const NOW = at(500);
  const times = (over: Partial<IncidentTimes>): IncidentTimes => ({
    impactStartedAt: new Date(at(-30)).toISOString(),
    declaredAt: new Date(at(0)).toISOString(),
    mitigatedAt: new Date(at(60)).toISOString(),
    resolvedAt: new Date(at(120)).toISOString(),
    ...over,
  });
  it.each<[string, Partial<IncidentTimes>, Span, boolean, boolean]>([
    ['impact start to mitigation when both are known', {}, span(-30, 60), false, false],
    ['no impact start: the declaration stands in, flagged', { impactStartedAt: null }, span(0, 60), true, false],
    ['no mitigation: the resolution stands in, flagged', { mitigatedAt: null }, span(-30, 120), true, false],
    ['an open incident is counted up to now, not flagged as a fallback', { mitigatedAt: null, resolvedAt: null }, { start: at(-30), end: NOW }, false, true],
  ])('%s', (_title, over, expected, fallback, ongoing) => {
    expect(impactSpan(times(over), NOW)).toEqual({ span: expected, fallback, ongoing });
  });
});

describe('incidentBudget', () => {
  it.each<[string, SloTarget, { span: Span; minutes: MinuteBucket[]; others?: IncidentImpact[]; windowTotals?: Totals }, Omit<IncidentBudget, 'window'>]>([
    [
      'the reference case: 30,600 errors of a 120,000-error 28-day budget (120M requests at 99.9 %) is 25.5 %',
      occurrences(),
      { span: span(0, 30), minutes: minutes(0, 30, 1_020), windowTotals: totals(120_000_000) },
      { bad: 30_600, budget: 120_000, share: 0.255, unit: 'events' },
    ],
    [
      'the reference timeslices case: 25 bad minutes of a 30-day 43.2-minute budget is 57.9 %',
      timeslices(),
      { span: span(0, 25), minutes: minutes(0, 25, 5_000) },
      { bad: 25, budget: 43.2, share: 25 / 43.2, unit: 'minutes' },
    ],
    [
      'bad minutes outside the impact span are not the incident’s (they stay unattributed)',
      occurrences(),
      { span: span(0, 10), minutes: [...minutes(-5, 5, 1_000), ...minutes(0, 10, 100), ...minutes(10, 5, 1_000)], windowTotals: totals(10_000_000) },
      { bad: 1_000, budget: 10_000, share: 0.1, unit: 'events' },
    ],
    [
      'an overlapping incident halves the shared minutes: 10 alone + 10 shared of 100 errors each = 1,500',
      occurrences(),
      { span: span(0, 20), minutes: minutes(0, 30, 100), others: [{ incidentId: 'B', span: span(10, 30) }], windowTotals: totals(10_000_000) },
      { bad: 1_500, budget: 10_000, share: 0.15, unit: 'events' },
    ],
    [
      'the calendar month containing the incident is the denominator: November in Tokyo has 43,200 minutes',
      timeslices({ kind: 'calendar', unit: 'month', timeZone: 'Asia/Tokyo' }),
      { span: span(0, 10), minutes: minutes(0, 10, 2_000) },
      { bad: 10, budget: 43.2, share: 10 / 43.2, unit: 'minutes' },
    ],
    [
      'a window without data has no budget yet: the share is 0, not infinite',
      occurrences(),
      { span: span(0, 10), minutes: [] },
      { bad: 0, budget: 0, share: 0, unit: 'events' },
    ],
  ])('%s', (_title, target, input, expected) => {
    const result = incidentBudget(target, { incidentId: 'A', others: [], windowTotals: EMPTY_TOTALS, ...input });
    expect(result.bad).toBeCloseTo(expected.bad, 6);
    expect(result.budget).toBeCloseTo(expected.budget, 6);
    expect(result.share).toBeCloseTo(expected.share, 9);
    expect(result.unit).toBe(expected.unit);
  });

  it('two overlapping incidents never take more than the bad there was', () => {
    const data = minutes(0, 30, 100);
    const a = { incidentId: 'A', span: span(0, 20) };
    const b = { incidentId: 'B', span: span(10, 30) };
    const common = { minutes: data, windowTotals: totals(10_000_000) };
    const burntA = incidentBudget(occurrences(), { ...common, incidentId: 'A', span: a.span, others: [b] }).bad;
    const burntB = incidentBudget(occurrences(), { ...common, incidentId: 'B', span: b.span, others: [a] }).bad;
    expect(burntA + burntB).toBeCloseTo(3_000, 9);
  });

  it('the window is the calendar month in its zone: Tokyo’s November starts at 15:00 UTC on 31 October', () => {
    const result = incidentBudget(timeslices({ kind: 'calendar', unit: 'month', timeZone: 'Asia/Tokyo' }), { incidentId: 'A', span: span(0, 10), minutes: [], others: [], windowTotals: EMPTY_TOTALS });
    expect(result.window).toEqual({ start: Date.parse('2026-10-31T15:00:00Z'), end: Date.parse('2026-11-30T15:00:00Z') });
  });

  it('a rolling window is the N days before mitigation', () => {
    const result = incidentBudget(occurrences(28), { incidentId: 'A', span: span(0, 30), minutes: [], others: [], windowTotals: EMPTY_TOTALS });
    expect(result.window).toEqual({ start: at(30) - 28 * 86_400_000, end: at(30) });
  });
});

describe('postmortemRequired', () => {
  const budget = (1 - 0.999) * 120_000_000; // 120,000.00000000001 in binary
  it.each<[string, number[], boolean]>([
    ['exactly 20 % counts, although 1 − 0.999 is not exact in binary', [24_000 / budget], true],
    ['just under 20 % does not', [23_999 / budget], false],
    ['any one SLO over the line is enough', [0.01, 0.579], true],
    ['no SLO, no requirement', [], false],
  ])('%s', (_title, shares, expected) => {
    expect(postmortemRequired(shares)).toBe(expected);
  });
});

describe('budgetSentence', () => {
  const figures = { reference: 'INC-12', sloName: 'checkout-availability', window: { kind: 'rolling', days: 28 } as const, bad: 30_600, budget: (1 - 0.999) * 120_000_000, share: 0.255, unit: 'events' as const };
  it.each<[string, Parameters<typeof budgetSentence>[0], 'en' | 'ja', string]>([
    ['events in English, the issue’s own sentence', figures, 'en', "INC-12 burnt 25.5 % of checkout-availability's 28-day budget (30,600 of 120,000 errors)"],
    ['events in Japanese', figures, 'ja', 'INC-12 は checkout-availability の28日間エラーバジェットの 25.5 % を消費しました（エラー 120,000 件中 30,600 件）'],
    ['minutes, a split share keeps one decimal', { ...figures, window: { kind: 'rolling', days: 30 }, bad: 12.5, budget: 43.2, share: 12.5 / 43.2, unit: 'minutes' }, 'en', "INC-12 burnt 28.9 % of checkout-availability's 30-day budget (12.5 of 43.2 bad minutes)"],
    ['a calendar month in Japanese', { ...figures, window: { kind: 'calendar', unit: 'month', timeZone: 'Asia/Tokyo' }, bad: 25, budget: 43.2, share: 25 / 43.2, unit: 'minutes' }, 'ja', 'INC-12 は checkout-availability の月次エラーバジェットの 57.9 % を消費しました（不良 43.2 分中 25 分）'],
  ])('%s', (_title, input, language, expected) => {
    expect(budgetSentence(input, language)).toBe(expected);
  });
});

describe('formatThreshold', () => {
  it.each<[number, string]>([
    [0.2, '20 %'],
    [0.125, '12.5 %'],
  ])('a policy line of %s reads %s, without a trailing .0', (share, expected) => {
    expect(formatThreshold(share)).toBe(expected);
  });
});
