import { badIn, firstAtOrAfter } from './buckets.js';
import { MINUTE_MS, type Budgeting, type MinuteBucket, type Span } from './types.js';

export interface IncidentImpact {
  incidentId: string;
  /** Impact start to mitigation (or declared to resolved when those are missing). */
  span: Span;
}

export interface Attribution {
  /** Bad events or bad minutes each incident burnt, overlaps split between the incidents sharing them. */
  byIncident: Map<string, number>;
  /** Everything bad in the period. */
  totalBad: number;
  /** totalBad − Σ byIncident: burn no incident accounts for. */
  unattributed: number;
}

/**
 * Splits the bad in `period` between the incidents whose impact covers it. Within each
 * minute, the share covered by at least one incident is attributed, divided between the
 * incidents in proportion to how much of that minute each covers — so two overlapping
 * incidents never count the same bad event twice and Σ attributed ≤ total.
 */
export function attributeBurn(
  buckets: readonly MinuteBucket[],
  incidents: readonly IncidentImpact[],
  period: Span,
  budgeting: Budgeting,
): Attribution {
  const byIncident = new Map(incidents.map((incident) => [incident.incidentId, 0]));
  const sorted = [...incidents].sort((a, b) => a.span.start - b.span.start);
  let totalBad = 0;
  let attributed = 0;
  for (let i = firstAtOrAfter(buckets, period.start); i < buckets.length && buckets[i]!.start < period.end; i++) {
    const bucket = buckets[i]!;
    const bad = badIn(bucket, budgeting);
    totalBad += bad;
    if (bad === 0) continue;
    const minute: Span = { start: bucket.start, end: bucket.start + MINUTE_MS };
    const overlaps = overlapsWith(sorted, minute);
    if (!overlaps.length) continue;
    const covered = unionLength(overlaps.map((o) => o.part)) / MINUTE_MS;
    const sum = overlaps.reduce((total, o) => total + (o.part.end - o.part.start), 0);
    for (const o of overlaps) {
      const share = bad * covered * ((o.part.end - o.part.start) / sum);
      byIncident.set(o.incidentId, byIncident.get(o.incidentId)! + share);
      attributed += share;
    }
  }
  return { byIncident, totalBad, unattributed: Math.max(0, totalBad - attributed) };
}

function overlapsWith(sorted: readonly IncidentImpact[], minute: Span): Array<{ incidentId: string; part: Span }> {
  const out: Array<{ incidentId: string; part: Span }> = [];
  for (const incident of sorted) {
    if (incident.span.start >= minute.end) break;
    const start = Math.max(incident.span.start, minute.start);
    const end = Math.min(incident.span.end, minute.end);
    if (end > start) out.push({ incidentId: incident.incidentId, part: { start, end } });
  }
  return out;
}

function unionLength(parts: Span[]): number {
  const sorted = [...parts].sort((a, b) => a.start - b.start);
  let length = 0;
  let current: Span | undefined;
  for (const part of sorted) {
    if (current && part.start <= current.end) current.end = Math.max(current.end, part.end);
    else {
      if (current) length += current.end - current.start;
      current = { ...part };
    }
  }
  return length + (current ? current.end - current.start : 0);
}

/** The Workbook's error-budget policy: one incident taking this share of a window's budget needs a postmortem. */
export const POSTMORTEM_REQUIRED_SHARE = 0.2;
