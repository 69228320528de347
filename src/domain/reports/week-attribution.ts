import { POSTMORTEM_REQUIRED_SHARE } from '../slo/attribution.js';
import type { Span } from '../slo/types.js';

/** A row of incident_slo_impacts: what one incident burnt of one SLO over its impact span. */
export interface IncidentImpactRow {
  incidentId: string;
  sloId: string;
  span: Span;
  bad: number;
  /** bad / the budget of the window containing the incident. */
  share: number;
  estimated: boolean;
}

export interface AttributedIncident {
  incidentId: string;
  /** The part of the incident's bad that fell inside the week. */
  bad: number;
  /** That bad as a share of the SLO's window budget at the review's end. */
  share: number | null;
  /** The impact span reaches outside the week; its bad is counted in proportion to the time inside. */
  partial: boolean;
  /** The incident took ≥ 20 % of a window's budget (the error-budget policy's postmortem rule). */
  postmortemRequired: boolean;
  estimated: boolean;
}

export interface WeekAttribution {
  sloId: string;
  unit: 'events' | 'minutes';
  /** Everything bad in the week. */
  bad: number;
  budget: number;
  incidents: AttributedIncident[];
  unattributed: { bad: number; share: number | null };
}

/**
 * This week's burn of one SLO split between the incidents that impacted it and the rest.
 * The per-incident figures already split overlapping incidents (attributeBurn); an impact
 * running past the week's edge counts the part of its bad in proportion to its time inside.
 */
export function attributeWeek(
  sloId: string,
  unit: 'events' | 'minutes',
  week: Span,
  weekBad: number,
  budget: number,
  impacts: readonly IncidentImpactRow[],
): WeekAttribution {
  const share = (bad: number) => (budget > 0 ? bad / budget : null);
  const incidents: AttributedIncident[] = [];
  for (const impact of impacts) {
    if (impact.sloId !== sloId) continue;
    const inside = Math.min(impact.span.end, week.end) - Math.max(impact.span.start, week.start);
    const length = impact.span.end - impact.span.start;
    if (inside <= 0 && !(length === 0 && impact.span.start >= week.start && impact.span.start < week.end)) continue;
    const fraction = length > 0 ? Math.min(1, inside / length) : 1;
    const bad = impact.bad * fraction;
    incidents.push({
      incidentId: impact.incidentId,
      bad,
      share: share(bad),
      partial: fraction < 1,
      postmortemRequired: impact.share >= POSTMORTEM_REQUIRED_SHARE,
      estimated: impact.estimated,
    });
  }
  incidents.sort((a, b) => b.bad - a.bad || a.incidentId.localeCompare(b.incidentId));
  const attributed = incidents.reduce((total, incident) => total + incident.bad, 0);
  const unattributed = Math.max(0, weekBad - attributed);
  return { sloId, unit, bad: weekBad, budget, incidents, unattributed: { bad: unattributed, share: share(unattributed) } };
}
