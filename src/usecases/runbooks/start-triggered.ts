import { runbooksToStart } from '../../domain/runbooks/triggers.js';
import { listRunbooks, listIncidentRuns } from '../../store/repositories/runbooks.js';
import { listServicesByIds } from '../../store/repositories/services.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { SYSTEM_PRINCIPAL } from '../principal.js';
import { TRIGGERED_BY, startRunIn } from './start-run.js';

/**
 * The `runbooks.startTriggered` job, enqueued by the declaration: starts every runbook whose
 * trigger holds for the incident as declared, in one transaction. A rerun after a crash
 * starts none twice (a run Hikeshi started of the same runbook is already there; runs
 * started by hand do not count).
 */
export async function startTriggeredRunbooks(deps: Deps, incidentId: string): Promise<string[]> {
  return deps.db.transaction().execute(async (tx) => {
    let incident = await findIncidentForUpdate(tx, incidentId);
    if (incident.status === 'closed') return [];
    const services = await listServicesByIds(tx, incident.serviceIds);
    const stored = await listRunbooks(tx);
    const wanted = runbooksToStart(
      stored.map((r) => r.definition),
      { severity: incident.severity, services: services.map((s) => ({ id: s.id, name: s.name })), tags: incident.tags },
      deps.settings.severities,
    );
    const already = new Set((await listIncidentRuns(tx, incident.id)).filter((run) => run.startedBy === TRIGGERED_BY).map((run) => run.runbookId));
    const started: string[] = [];
    for (const definition of wanted) {
      if (already.has(definition.id)) continue;
      ({ incident } = await startRunIn(tx, deps, incident, stored.find((r) => r.id === definition.id)!, SYSTEM_PRINCIPAL));
      started.push(definition.id);
    }
    return started;
  });
}
