import { DateTime } from 'luxon';
import { budgetFromTotals } from '../slo/budget.js';
import { EMPTY_TOTALS, type Totals } from '../slo/buckets.js';
import { HOUR_MS, type SloTarget, type Span } from '../slo/types.js';
import { windowAt } from '../slo/window.js';

/**
 * The share of budget left at each point of the week. `base` is the SLO's elapsed window at
 * the first point; `inWeek[i]` sums [points[i], points[i+1]); for a rolling window `leaving[i]`
 * sums the same interval one window earlier (what slides out). A calendar window that starts
 * again inside the week starts from nothing. Points after `end` (the future) are null, as is
 * any point whose window has no data.
 */
export function burndown(
  target: SloTarget,
  points: readonly number[],
  base: Totals,
  inWeek: readonly Totals[],
  leaving: readonly Totals[],
  end: number,
): Array<number | null> {
  let window: Totals = { ...base };
  return points.map((at, k) => {
    if (k > 0) window = advance(target, window, points[k - 1]!, at, inWeek[k - 1] ?? EMPTY_TOTALS, leaving[k - 1] ?? EMPTY_TOTALS);
    if (at > end) return null;
    return budgetFromTotals(target, window, at).remainingFraction;
  });
}

function advance(target: SloTarget, window: Totals, from: number, to: number, added: Totals, left: Totals): Totals {
  if (target.window.kind === 'rolling') return nonNegative(subtract(sum(window, added), left));
  const restart = windowAt(target.window, to).start;
  if (restart <= from) return sum(window, added);
  return restart === to ? { ...EMPTY_TOTALS } : { ...added };
}

export type BurndownStep = 'hour' | 'day';

/** The week's start, every hour (or local midnight) after it, and its end: 169 hourly points, 168 or 170 across a DST change. */
export function burndownPoints(week: Span, step: BurndownStep, timeZone: string): number[] {
  const points: number[] = [];
  if (step === 'hour') for (let at = week.start; at < week.end; at += HOUR_MS) points.push(at);
  else for (let day = DateTime.fromMillis(week.start, { zone: timeZone }); day.toMillis() < week.end; day = day.plus({ days: 1 })) points.push(day.toMillis());
  points.push(week.end);
  return points;
}

export function sum(a: Totals, b: Totals): Totals {
  return { good: a.good + b.good, total: a.total + b.total, bad: a.bad + b.bad, minutesWithData: a.minutesWithData + b.minutesWithData };
}

function subtract(a: Totals, b: Totals): Totals {
  return { good: a.good - b.good, total: a.total - b.total, bad: a.bad - b.bad, minutesWithData: a.minutesWithData - b.minutesWithData };
}

/** Sliding sums drift by rounding; a count below zero is that drift, not data. */
function nonNegative(t: Totals): Totals {
  const fix = (v: number) => (v < 1e-9 ? 0 : v);
  return { good: fix(t.good), total: fix(t.total), bad: fix(t.bad), minutesWithData: Math.round(fix(t.minutesWithData)) };
}
