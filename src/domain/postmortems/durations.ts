import type { IncidentSnapshot } from './snapshot.js';

export const DURATION_NAMES = ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve'] as const;
export type DurationName = (typeof DURATION_NAMES)[number];

export type Moment = 'impactStartedAt' | 'detectedAt' | 'declaredAt' | 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt';

/** A duration and the two moments that bound it; null with the reason when it cannot be told. */
export interface IncidentDuration {
  name: DurationName;
  from: Moment;
  to: Moment;
  ms: number | null;
  /** Why ms is null: the moments not recorded, or `reversed` when the end is before the start. */
  missing: Moment[];
  reversed: boolean;
  reason: string | null;
}

/**
 * The four durations of reference/sre-practice.md §3.1. Detect is measured from impact
 * start; acknowledge from declaration; mitigate and resolve from impact start, falling
 * back to the declaration (and saying so in `from`) when the impact start was not recorded.
 */
export function incidentDurations(incident: Pick<IncidentSnapshot, Moment>): IncidentDuration[] {
  const impactOrDeclared: Moment = incident.impactStartedAt ? 'impactStartedAt' : 'declaredAt';
  return [
    between(incident, 'timeToDetect', 'impactStartedAt', 'detectedAt'),
    between(incident, 'timeToAcknowledge', 'declaredAt', 'acknowledgedAt'),
    between(incident, 'timeToMitigate', impactOrDeclared, 'mitigatedAt'),
    between(incident, 'timeToResolve', impactOrDeclared, 'resolvedAt'),
  ];
}

const MOMENT_WORDS: Record<Moment, string> = {
  impactStartedAt: 'the impact start',
  detectedAt: 'the detection time',
  declaredAt: 'the declaration',
  acknowledgedAt: 'the acknowledgement',
  mitigatedAt: 'the mitigation time',
  resolvedAt: 'the resolution time',
};

function between(incident: Pick<IncidentSnapshot, Moment>, name: DurationName, from: Moment, to: Moment): IncidentDuration {
  const start = incident[from];
  const end = incident[to];
  const missing = [start ? null : from, end ? null : to].filter((m): m is Moment => m !== null);
  if (missing.length) {
    return { name, from, to, ms: null, missing, reversed: false, reason: `${missing.map((m) => MOMENT_WORDS[m]).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not recorded` };
  }
  const ms = Date.parse(end!) - Date.parse(start!);
  if (ms < 0) return { name, from, to, ms: null, missing: [], reversed: true, reason: `${MOMENT_WORDS[to]} is before ${MOMENT_WORDS[from]}; check both times` };
  return { name, from, to, ms, missing: [], reversed: false, reason: null };
}

/** `45 s`, `12 min`, `1 h 05 min`, `2 d 3 h`: exact enough for a review, short enough for a table. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
