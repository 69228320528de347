import { totalsIn, type Totals } from './buckets.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Budgeting, type MinuteBucket, type SloTarget } from './types.js';
import { windowLength } from './window.js';

export const BURN_WINDOWS = { '5m': 5 * MINUTE_MS, '30m': 30 * MINUTE_MS, '1h': HOUR_MS, '6h': 6 * HOUR_MS, '3d': 3 * DAY_MS } as const;
export type BurnWindow = keyof typeof BURN_WINDOWS;

/**
 * The Workbook's multiwindow, multi-burn-rate alerts (table 5-8), as the share of the
 * budget each long window may burn; the burn-rate threshold follows from the SLO's own
 * period (2 % in 1 h of a 30-day period is 14.4×, of a 28-day one 13.44×).
 */
export const BURN_ALERTS = [
  { severity: 'page', long: '1h', short: '5m', budgetShare: 0.02 },
  { severity: 'page', long: '6h', short: '30m', budgetShare: 0.05 },
  { severity: 'ticket', long: '3d', short: '6h', budgetShare: 0.1 },
] as const satisfies ReadonlyArray<{ severity: 'page' | 'ticket'; long: BurnWindow; short: BurnWindow; budgetShare: number }>;

export type BurnState = 'page' | 'ticket' | 'ok' | 'no_data';

export interface BurnAlertCheck {
  severity: 'page' | 'ticket';
  long: BurnWindow;
  short: BurnWindow;
  threshold: number;
  firing: boolean;
}

export interface BurnReport {
  state: BurnState;
  rates: Record<BurnWindow, number | null>;
  checks: BurnAlertCheck[];
}

/** Bad events per event, or bad minutes per minute with data; null when the span has no data. */
export function errorRatio(totals: Totals, budgeting: Budgeting): number | null {
  if (budgeting.kind === 'occurrences') return totals.total > 0 ? totals.bad / totals.total : null;
  return totals.minutesWithData > 0 ? totals.bad / totals.minutesWithData : null;
}

/** How many times faster than "exactly the budget over the period" the last `windowMs` burnt. */
export function burnRate(target: SloTarget, buckets: readonly MinuteBucket[], now: number, windowMs: number): number | null {
  const ratio = errorRatio(totalsIn(buckets, { start: now - windowMs, end: now }, target.budgeting), target.budgeting);
  return ratio === null ? null : ratio / (1 - target.objective);
}

export function burnThreshold(budgetShare: number, periodMs: number, longWindowMs: number): number {
  return (budgetShare * periodMs) / longWindowMs;
}

/** Page when a page pair fires (long AND short over the threshold), else ticket, else ok; no data in the 3-day window is no_data. */
export function burnReport(target: SloTarget, buckets: readonly MinuteBucket[], now: number): BurnReport {
  const rates = Object.fromEntries(
    Object.entries(BURN_WINDOWS).map(([name, ms]) => [name, burnRate(target, buckets, now, ms)]),
  ) as Record<BurnWindow, number | null>;
  const period = windowLength(target.window, now);
  const checks = BURN_ALERTS.map((alert) => {
    const threshold = burnThreshold(alert.budgetShare, period, BURN_WINDOWS[alert.long]);
    const long = rates[alert.long];
    const short = rates[alert.short];
    return { severity: alert.severity, long: alert.long, short: alert.short, threshold, firing: long !== null && short !== null && long >= threshold && short >= threshold };
  });
  const state: BurnState = checks.some((c) => c.firing && c.severity === 'page')
    ? 'page'
    : checks.some((c) => c.firing)
      ? 'ticket'
      : rates['3d'] === null ? 'no_data' : 'ok';
  return { state, rates, checks };
}

/** When the rest of the budget is gone at `rate`: null when not burning, `now` when already gone. */
export function projectedExhaustion(remainingFraction: number | null, rate: number | null, periodMs: number, now: number): number | null {
  if (remainingFraction === null || rate === null) return null;
  if (remainingFraction <= 0) return now;
  if (rate <= 0) return null;
  return now + (remainingFraction * periodMs) / rate;
}
