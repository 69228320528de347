import { budgetFromTotals, type BudgetHealth } from '../slo/budget.js';
import type { Totals } from '../slo/buckets.js';
import { projectedExhaustion } from '../slo/burn-rate.js';
import type { SloDefinition } from '../slo/definition.js';
import type { Span } from '../slo/types.js';
import { windowLength } from '../slo/window.js';

/** What one SLO's row is computed from: its totals summed from roll-ups over four spans. */
export interface SloWeekTotals {
  slo: SloDefinition;
  /** The elapsed window at the review's end (the week's end, or now during the week). */
  windowAtEnd: Totals;
  /** The elapsed window at the week's start (= the end of last week). */
  windowAtStart: Totals;
  thisWeek: Totals;
  lastWeek: Totals;
}

export interface SloRow {
  sloId: string;
  name: string;
  service: string;
  objective: number;
  unit: 'events' | 'minutes';
  /** Over the SLO's window at the review's end; null without data (never 100 %). */
  attainment: number | null;
  /** Share of the window's budget left; null without data. */
  budgetRemaining: number | null;
  /** This week's bad as a share of the window's budget; null when the week has no data. */
  burntThisWeek: number | null;
  burntLastWeek: number | null;
  /** Attainment now minus attainment at the end of last week, in fractions (0.001 = 0.1 point). */
  attainmentChange: number | null;
  budgetRemainingChange: number | null;
  status: BudgetHealth;
  /** Share of the window's minutes with data. */
  coverage: number;
  /** When the budget left runs out at this week's burn rate (ISO), null when not burning. */
  projectedExhaustion: string | null;
  /** The window's budget and what this week burnt, in the unit. */
  budget: number;
  badThisWeek: number;
}

/** One row of the SLO table for the week [week.start, end); `end` is the week's end, or now while it runs. */
export function sloRow(input: SloWeekTotals, week: Span, end: number): SloRow {
  const { slo } = input;
  const now = budgetFromTotals(slo, input.windowAtEnd, end);
  const before = budgetFromTotals(slo, input.windowAtStart, week.start);
  const burntThisWeek = burnt(input.thisWeek, now.budget, now.attainment);
  const burntLastWeek = burnt(input.lastWeek, before.budget, before.attainment);
  const elapsed = end - week.start;
  const rate = burntThisWeek === null || elapsed <= 0 ? null : (burntThisWeek * windowLength(slo.window, end)) / elapsed;
  const exhaustion = projectedExhaustion(now.remainingFraction, rate, windowLength(slo.window, end), end);
  return {
    sloId: slo.id,
    name: slo.name,
    service: slo.service,
    objective: slo.objective,
    unit: now.unit,
    attainment: now.attainment,
    budgetRemaining: now.remainingFraction,
    burntThisWeek,
    burntLastWeek,
    attainmentChange: difference(now.attainment, before.attainment),
    budgetRemainingChange: difference(now.remainingFraction, before.remainingFraction),
    status: now.health,
    coverage: now.coverage,
    projectedExhaustion: exhaustion === null ? null : new Date(exhaustion).toISOString(),
    budget: now.budget,
    badThisWeek: input.thisWeek.bad,
  };
}

function burnt(week: Totals, budget: number, attainment: number | null): number | null {
  if (week.minutesWithData === 0 || attainment === null || budget <= 0) return null;
  return week.bad / budget;
}

function difference(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}
