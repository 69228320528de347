import { totalsIn, type Totals } from './buckets.js';
import { MINUTE_MS, type MinuteBucket, type SloTarget, type Span } from './types.js';
import { windowAt } from './window.js';

export type BudgetHealth = 'healthy' | 'at_risk' | 'exhausted' | 'no_data';

export interface BudgetStatus {
  window: Span;
  totals: Totals;
  /** good / total (occurrences) or good minutes / minutes with data (timeslices); null without data. */
  attainment: number | null;
  /** In events (occurrences) or minutes (timeslices). */
  unit: 'events' | 'minutes';
  budget: number;
  consumed: number;
  remaining: number;
  /** remaining / budget; null without data (never shown as a full budget). */
  remainingFraction: number | null;
  /** Share of the window's elapsed minutes that have data. */
  coverage: number;
  health: BudgetHealth;
}

/** Below this share of budget left, an SLO is at risk. */
export const AT_RISK_BELOW = 0.25;

/**
 * The error budget of the window containing `now`, from the minutes up to `now`. A
 * timeslices budget is the window's minutes × (1 − objective) whatever data came in; an
 * occurrences budget is (1 − objective) × the events counted so far.
 */
export function budgetStatus(target: SloTarget, buckets: readonly MinuteBucket[], now: number): BudgetStatus {
  return budgetFromTotals(target, totalsIn(buckets, elapsedWindow(target, now), target.budgeting), now);
}

/** The part of the window containing `now` that has passed: what a report sums (from roll-ups, say) for budgetFromTotals. */
export function elapsedWindow(target: SloTarget, now: number): Span {
  const window = windowAt(target.window, now);
  return { start: window.start, end: Math.min(now, window.end) };
}

/** The same status from the window's totals already summed (hour and day roll-ups carry their bad minutes). */
export function budgetFromTotals(target: SloTarget, totals: Totals, now: number): BudgetStatus {
  const window = windowAt(target.window, now);
  const elapsed = elapsedWindow(target, now);
  const allowance = 1 - target.objective;
  const occurrences = target.budgeting.kind === 'occurrences';
  const budget = occurrences ? allowance * totals.total : allowance * ((window.end - window.start) / MINUTE_MS);
  const consumed = totals.bad;
  const attainment = occurrences
    ? totals.total > 0 ? totals.good / totals.total : null
    : totals.minutesWithData > 0 ? (totals.minutesWithData - totals.bad) / totals.minutesWithData : null;
  const remaining = budget - consumed;
  const remainingFraction = attainment === null || budget <= 0 ? null : remaining / budget;
  const elapsedMinutes = Math.max(1, Math.ceil((elapsed.end - elapsed.start) / MINUTE_MS));
  return {
    window,
    totals,
    attainment,
    unit: occurrences ? 'events' : 'minutes',
    budget,
    consumed,
    remaining,
    remainingFraction,
    coverage: Math.min(1, totals.minutesWithData / elapsedMinutes),
    health: healthOf(remainingFraction),
  };
}

function healthOf(remainingFraction: number | null): BudgetHealth {
  if (remainingFraction === null) return 'no_data';
  if (remainingFraction <= 0) return 'exhausted';
  return remainingFraction < AT_RISK_BELOW ? 'at_risk' : 'healthy';
}
