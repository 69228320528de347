import { attributeBurn, POSTMORTEM_REQUIRED_SHARE, type IncidentImpact } from './attribution.js';
import { budgetFromTotals } from './budget.js';
import type { Totals } from './buckets.js';
import type { MinuteBucket, SloTarget, Span } from './types.js';
import { windowAt } from './window.js';

/** The incident times an impact span is read from (ISO strings, as the incident keeps them). */
export interface IncidentTimes {
  impactStartedAt: string | null;
  declaredAt: string;
  mitigatedAt: string | null;
  resolvedAt: string | null;
}

export interface ImpactSpan {
  span: Span;
  /** Declared (for a missing impact start) or resolved (for a missing mitigation) stood in. */
  fallback: boolean;
  /** Neither mitigated nor resolved yet: the span ends at `now`. */
  ongoing: boolean;
}

/**
 * When the incident hurt users: impact start → mitigation. A missing impact start falls back
 * to the declaration and a missing mitigation to the resolution, and says so; an incident
 * still open is counted up to `now`.
 */
export function impactSpan(incident: IncidentTimes, now: number): ImpactSpan {
  const start = Date.parse(incident.impactStartedAt ?? incident.declaredAt);
  const endAt = incident.mitigatedAt ?? incident.resolvedAt;
  const end = endAt === null ? now : Date.parse(endAt);
  return {
    span: { start, end: Math.max(start, end) },
    fallback: incident.impactStartedAt === null || (incident.mitigatedAt === null && incident.resolvedAt !== null),
    ongoing: endAt === null,
  };
}

export interface IncidentBudget {
  /** Bad events (occurrences) or bad minutes (timeslices) this incident burnt, overlaps split. */
  bad: number;
  /** The error budget of the SLO window containing the incident, at the span's end. */
  budget: number;
  /** bad / budget; 0 when the window has no budget yet (no data). */
  share: number;
  unit: 'events' | 'minutes';
  /** The window whose budget is the denominator. */
  window: Span;
}

export interface IncidentBudgetInput {
  incidentId: string;
  span: Span;
  /** The SLO's minutes covering at least the span, sorted by start. */
  minutes: readonly MinuteBucket[];
  /** Other incidents impacting the same SLO whose spans overlap this one: shared bad minutes are split with them. */
  others: readonly IncidentImpact[];
  /** The SLO's totals over the elapsed part of the window containing the span's end (elapsedWindow). */
  windowTotals: Totals;
}

/**
 * What one incident cost one SLO: the bad within its impact span (split with overlapping
 * incidents, so none is counted twice) against the budget of the window containing it —
 * the N days before mitigation when rolling, the calendar week or month when calendar.
 */
export function incidentBudget(target: SloTarget, input: IncidentBudgetInput): IncidentBudget {
  const impacts = [{ incidentId: input.incidentId, span: input.span }, ...input.others.filter((o) => o.incidentId !== input.incidentId)];
  const bad = attributeBurn(input.minutes, impacts, input.span, target.budgeting).byIncident.get(input.incidentId) ?? 0;
  const status = budgetFromTotals(target, input.windowTotals, input.span.end);
  return {
    bad,
    budget: status.budget,
    share: status.budget > 0 ? bad / status.budget : 0,
    unit: status.unit,
    window: windowAt(target.window, input.span.end),
  };
}

/**
 * The Workbook's rule: one incident taking 20 % or more of a window's budget needs a
 * postmortem. The tolerance keeps exactly 20 % at 20 % although 1 − 0.999 is not exact in binary.
 */
export function postmortemRequired(shares: readonly number[]): boolean {
  return shares.some((share) => share >= POSTMORTEM_REQUIRED_SHARE - 1e-9);
}
