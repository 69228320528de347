import { incidentReference } from '../incidents/incident.js';
import { incidentDurations, type DurationName, type Moment } from '../postmortems/durations.js';
import type { PostmortemStatus } from '../postmortems/types.js';
import { POSTMORTEM_REQUIRED_SHARE } from '../slo/attribution.js';
import type { Span } from '../slo/types.js';
import { percentiles, type Percentiles } from './percentiles.js';
import type { IncidentImpactRow } from './week-attribution.js';

/** An incident as the review reads it: times are UTC ISO strings. */
export interface ReviewIncident {
  id: string;
  number: number;
  title: string;
  severity: string;
  status: string;
  services: string[];
  impactStartedAt: string | null;
  detectedAt: string | null;
  declaredAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  postmortemStatus: PostmortemStatus | null;
}

export const REVIEW_DURATIONS = ['timeToAcknowledge', 'timeToMitigate', 'timeToResolve'] as const satisfies readonly DurationName[];
export type ReviewDuration = (typeof REVIEW_DURATIONS)[number];

export interface IncidentLine {
  id: string;
  reference: string;
  title: string;
  severity: string;
  status: string;
  services: string[];
  declaredAt: string;
  impactStartedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  /** Declared before the week and still unresolved when it began. */
  carriedOver: boolean;
  durations: Record<ReviewDuration, number | null>;
  /** Share of each SLO's window budget the incident burnt, largest first. */
  budget: Array<{ sloId: string; share: number; estimated: boolean }>;
  postmortem: { status: PostmortemStatus | 'none'; required: boolean };
}

export interface DurationStats extends Percentiles {
  /** The moments bounding the duration (mitigate and resolve fall back to the declaration when impact start is unknown). */
  from: Moment;
  to: Moment;
}

export interface WeekIncidents {
  /** Incidents declared in the week, by severity (every configured severity present, 0 when none). */
  declaredBySeverity: Record<string, number>;
  lines: IncidentLine[];
  /** Over the incidents declared in the week; n counts those where both moments are recorded. */
  durations: Record<ReviewDuration, DurationStats>;
}

/** Whether an incident needs a postmortem: one of the two worst severities, or ≥ 20 % of a window's budget. */
export function needsPostmortem(severity: string, severities: readonly string[], maxShare: number): boolean {
  const rank = severities.indexOf(severity);
  return (rank >= 0 && rank < 2) || maxShare >= POSTMORTEM_REQUIRED_SHARE;
}

export function weekIncidents(
  incidents: readonly ReviewIncident[],
  impacts: readonly IncidentImpactRow[],
  week: Span,
  severities: readonly string[],
): WeekIncidents {
  const byIncident = new Map<string, IncidentImpactRow[]>();
  for (const impact of impacts) byIncident.set(impact.incidentId, [...(byIncident.get(impact.incidentId) ?? []), impact]);
  const declaredBySeverity: Record<string, number> = Object.fromEntries(severities.map((s) => [s, 0]));
  const samples: Record<ReviewDuration, number[]> = { timeToAcknowledge: [], timeToMitigate: [], timeToResolve: [] };
  const lines = [...incidents]
    .sort((a, b) => Date.parse(a.declaredAt) - Date.parse(b.declaredAt) || a.number - b.number)
    .map((incident): IncidentLine => {
      const carriedOver = Date.parse(incident.declaredAt) < week.start;
      const measured = Object.fromEntries(incidentDurations(incident).map((d) => [d.name, d.ms])) as Record<DurationName, number | null>;
      const durations = Object.fromEntries(REVIEW_DURATIONS.map((name) => [name, measured[name]])) as Record<ReviewDuration, number | null>;
      if (!carriedOver) {
        declaredBySeverity[incident.severity] = (declaredBySeverity[incident.severity] ?? 0) + 1;
        for (const name of REVIEW_DURATIONS) if (durations[name] !== null) samples[name].push(durations[name]);
      }
      const budget = (byIncident.get(incident.id) ?? [])
        .map((impact) => ({ sloId: impact.sloId, share: impact.share, estimated: impact.estimated }))
        .sort((a, b) => b.share - a.share || a.sloId.localeCompare(b.sloId));
      return {
        id: incident.id,
        reference: incidentReference(incident.number),
        title: incident.title,
        severity: incident.severity,
        status: incident.status,
        services: incident.services,
        declaredAt: incident.declaredAt,
        impactStartedAt: incident.impactStartedAt,
        mitigatedAt: incident.mitigatedAt,
        resolvedAt: incident.resolvedAt,
        carriedOver,
        durations,
        budget,
        postmortem: { status: incident.postmortemStatus ?? 'none', required: needsPostmortem(incident.severity, severities, budget[0]?.share ?? 0) },
      };
    });
  return {
    declaredBySeverity,
    lines,
    durations: {
      timeToAcknowledge: { ...percentiles(samples.timeToAcknowledge), from: 'declaredAt', to: 'acknowledgedAt' },
      timeToMitigate: { ...percentiles(samples.timeToMitigate), from: 'impactStartedAt', to: 'mitigatedAt' },
      timeToResolve: { ...percentiles(samples.timeToResolve), from: 'impactStartedAt', to: 'resolvedAt' },
    },
  };
}

/** The incident's impact as a band on the burndown: impact start (or declaration) to mitigation (or resolution), clipped to the week. */
export function incidentBand(incident: ReviewIncident, week: Span, end: number): { incidentId: string; reference: string; start: number; end: number } | null {
  const start = Date.parse(incident.impactStartedAt ?? incident.declaredAt);
  const stop = incident.mitigatedAt ?? incident.resolvedAt;
  const bandEnd = Math.min(stop ? Date.parse(stop) : end, week.end);
  const bandStart = Math.max(start, week.start);
  if (bandEnd <= bandStart) return null;
  return { incidentId: incident.id, reference: incidentReference(incident.number), start: bandStart, end: bandEnd };
}
