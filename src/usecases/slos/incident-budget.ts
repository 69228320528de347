import type { Incident } from '../../domain/incidents/incident.js';
import { SYSTEM_ACTOR, type SloBudgetBurntPayload } from '../../domain/incidents/timeline.js';
import { elapsedWindow } from '../../domain/slo/budget.js';
import { budgetEntries } from '../../domain/slo/budget-entries.js';
import { EMPTY_TOTALS } from '../../domain/slo/buckets.js';
import { impactSpan, incidentBudget } from '../../domain/slo/incident-budget.js';
import type { Executor } from '../../store/database.js';
import { listIncidentSloImpacts, replaceIncidentSloImpacts, type IncidentSloImpact } from '../../store/repositories/incident-slo-impacts.js';
import { getIncidentForUpdate, listIncidentsImpacting } from '../../store/repositories/incidents.js';
import { listMinutes, sumRollups } from '../../store/repositories/sli-data.js';
import { listSlos, type SloRecord } from '../../store/repositories/slos.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { enqueueChangeJobs } from '../slack/enqueue-slack-jobs.js';
import { enqueueNeighbourBudgets } from './enqueue-incident-budget.js';

export interface ComputeOptions {
  /** Recompute the already-computed incidents sharing the span, so their split matches this one's. */
  refreshNeighbours: boolean;
}

/**
 * The `slos.computeIncidentBudget` job: the error budget the incident burnt on each SLO of its
 * services, between impact start and mitigation, overlaps split with the other incidents on
 * the same service. One transaction: the rows replaced, the first figures (and "postmortem
 * required") written to the timeline and echoed to the channel, so a retry repeats nothing.
 * An incident reopened before the job ran keeps what was computed before.
 */
export async function computeIncidentBudget(deps: Deps, incidentId: string, options: ComputeOptions): Promise<IncidentSloImpact[]> {
  return deps.db.transaction().execute(async (tx) => {
    const incident = await getIncidentForUpdate(tx, incidentId);
    if (incident.mitigatedAt === null && incident.resolvedAt === null) return listIncidentSloImpacts(tx, incident.id);
    const now = deps.clock.now();
    const { span, fallback } = impactSpan(incident, now.getTime());
    const neighbours = (await listIncidentsImpacting(tx, incident.serviceIds, iso(span.start), iso(span.end))).filter((n) => n.id !== incident.id);
    const slos = await listSlos(tx, { serviceIds: incident.serviceIds });
    const impacts: IncidentSloImpact[] = [];
    for (const slo of slos) {
      const others = neighbours.filter((n) => n.serviceIds.includes(slo.serviceId)).map((n) => ({ incidentId: n.id, span: impactSpan(n, now.getTime()).span }));
      impacts.push(await impactOn(tx, slo, incident, { span, fallback, others }, now));
    }
    const before = await listIncidentSloImpacts(tx, incident.id);
    await replaceIncidentSloImpacts(tx, incident.id, impacts);
    const entries = budgetEntries(before, impacts.map(entryPayload));
    if (entries.length) {
      const events = await appendEvents(tx, incident.id, entries, SYSTEM_ACTOR, now);
      await enqueueChangeJobs(tx, deps, incident, events);
    }
    if (options.refreshNeighbours) await enqueueNeighbourBudgets(tx, incident.id, neighbours, now);
    return impacts;
  });
}

async function impactOn(
  tx: Executor,
  slo: SloRecord,
  incident: Incident,
  impact: { span: { start: number; end: number }; fallback: boolean; others: Array<{ incidentId: string; span: { start: number; end: number } }> },
  now: Date,
): Promise<IncidentSloImpact> {
  const definition = slo.definition;
  const minutes = await listMinutes(tx, definition.id, impact.span);
  const windowTotals = (await sumRollups(tx, [definition.id], elapsedWindow(definition, impact.span.end))).get(definition.id) ?? EMPTY_TOTALS;
  const burnt = incidentBudget(definition, { incidentId: incident.id, span: impact.span, minutes, others: impact.others, windowTotals });
  return {
    incidentId: incident.id,
    sloId: definition.id,
    sloName: definition.name,
    serviceId: slo.serviceId,
    window: definition.window,
    span: impact.span,
    fallback: impact.fallback,
    bad: burnt.bad,
    budget: burnt.budget,
    share: burnt.share,
    unit: burnt.unit,
    estimated: definition.source.kind === 'incidents',
    computedAt: now.toISOString(),
  };
}

function entryPayload(impact: IncidentSloImpact): SloBudgetBurntPayload {
  const { sloId, sloName, window, bad, budget, share, unit, estimated, fallback } = impact;
  return { sloId, sloName, window, bad, budget, share, unit, estimated, fallback };
}

const iso = (ms: number) => new Date(ms).toISOString();
