import type { Incident } from '../../domain/incidents/incident.js';
import { enqueue } from '../../jobs/queue.js';
import type { Executor } from '../../store/database.js';
import type { TimelineEvent } from '../../store/repositories/timeline.js';

/** Changes that move an incident's impact span or the SLOs it touches. */
const SPAN_FIELDS = new Set(['impactStartedAt', 'mitigatedAt', 'resolvedAt']);

function changesBudget(event: TimelineEvent): boolean {
  if (event.kind === 'status.changed') return event.payload.to === 'monitoring' || event.payload.to === 'resolved';
  if (event.kind === 'field.changed') return SPAN_FIELDS.has(String(event.payload.field));
  return event.kind === 'services.changed';
}

/**
 * After a change to an incident (in its transaction): once it is mitigated or resolved, and
 * whenever its span or services change after that, its error budget is (re)computed by a
 * job keyed by the change, so a retried request enqueues nothing twice.
 */
export async function enqueueIncidentBudget(tx: Executor, incident: Incident, events: readonly TimelineEvent[], now: Date): Promise<void> {
  if (incident.mitigatedAt === null && incident.resolvedAt === null) return;
  const trigger = events.find(changesBudget);
  // No service, no SLO: nothing to compute (unless the last service was just removed and its figures must go).
  if (!trigger || (!incident.serviceIds.length && !events.some((e) => e.kind === 'services.changed'))) return;
  const key = `slos.computeIncidentBudget:${incident.id}:${trigger.id}`;
  await enqueue(tx, 'slos.computeIncidentBudget', { incidentId: incident.id, refreshNeighbours: true }, { key }, now);
}

/** The already-computed incidents sharing the span, recomputed (without cascading further) so every split agrees. */
export async function enqueueNeighbourBudgets(tx: Executor, incidentId: string, neighbours: readonly Incident[], now: Date): Promise<void> {
  for (const neighbour of neighbours) {
    if (neighbour.mitigatedAt === null && neighbour.resolvedAt === null) continue;
    const key = `slos.computeIncidentBudget:${neighbour.id}:after:${incidentId}:${now.getTime()}`;
    await enqueue(tx, 'slos.computeIncidentBudget', { incidentId: neighbour.id, refreshNeighbours: false }, { key }, now);
  }
}
