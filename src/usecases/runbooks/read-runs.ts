import { findRun, listIncidentRuns } from '../../store/repositories/runbooks.js';
import { NotFoundError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { findIncident } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';
import { viewRun, viewRuns, type RunView } from './run-view.js';

/** Every run on an incident, oldest first (several runbooks may run on one incident). */
export async function listIncidentRunbookRuns(deps: Deps, incidentRef: string, principal: Principal): Promise<{ items: RunView[] }> {
  authorize(principal, 'viewer');
  const incident = await findIncident(deps.db, incidentRef);
  return { items: await viewRuns(deps.db, await listIncidentRuns(deps.db, incident.id)) };
}

export async function getRunbookRun(deps: Deps, runId: string, principal: Principal): Promise<RunView> {
  authorize(principal, 'viewer');
  const run = await findRun(deps.db, runId);
  if (!run) throw new NotFoundError('runbook run', runId);
  return viewRun(deps.db, run);
}
