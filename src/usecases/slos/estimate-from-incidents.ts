import { estimateMinutes } from '../../domain/slo/estimate.js';
import { impactSpan } from '../../domain/slo/incident-budget.js';
import { chunkSpan, spanToPull } from '../../domain/slo/prometheus-pull.js';
import { windowLength } from '../../domain/slo/window.js';
import { listIncidentsImpacting } from '../../store/repositories/incidents.js';
import type { SloRecord } from '../../store/repositories/slos.js';
import { findPullState } from '../../store/repositories/slo-states.js';
import type { Deps } from '../deps.js';
import { recordSliSpan } from './record-sli-pull.js';

/**
 * `estimate: incidents`: the minutes since the last run, and again those of incidents changed
 * since (an impact start moved back, a mitigation set), estimated from the service's incidents'
 * impact windows and stored with origin 'estimate'.
 */
export async function estimateFromIncidents(deps: Deps, slo: SloRecord, now: Date): Promise<number> {
  const at = now.getTime();
  const windowMs = windowLength(slo.definition.window, at);
  const state = await findPullState(deps.db, slo.definition.id);
  const fresh = spanToPull(state?.pulledUntil ?? 0, at, windowMs);
  const windowStart = at - windowMs;
  const end = fresh?.end ?? state?.pulledUntil ?? at;
  const incidents = await listIncidentsImpacting(deps.db, [slo.serviceId], new Date(windowStart).toISOString(), new Date(end).toISOString());
  const impacts = incidents.map((incident) => ({ ...impactSpan(incident, at), updatedAt: incident.updatedAt }));
  const changedSince = state?.lastSuccessAt ?? null;
  const redo = impacts.filter((i) => changedSince !== null && i.updatedAt >= changedSince).map((i) => Math.max(windowStart, Math.floor(i.span.start / 60_000) * 60_000));
  const start = Math.min(fresh?.start ?? end, ...redo);
  if (start >= end) return 0;
  let written = 0;
  for (const chunk of chunkSpan({ start, end })) {
    const buckets = estimateMinutes(chunk, impacts.map((i) => i.span));
    await recordSliSpan(deps, slo, chunk, { buckets, gaps: [] }, 'estimate', now);
    written += buckets.length;
  }
  return written;
}
