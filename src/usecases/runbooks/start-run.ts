import type { Incident } from '../../domain/incidents/incident.js';
import { startRun } from '../../domain/runbooks/run.js';
import { ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import { findRunbook, insertRun, type StoredRun, type StoredRunbook } from '../../store/repositories/runbooks.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';
import { applyRunEffects } from './apply-effects.js';
import { enqueueRunMessage } from './run-jobs.js';
import { viewRun, type RunView } from './run-view.js';

/** Starts a runbook on an incident by hand (the web app, the API, `/incident runbook <id>`). */
export async function startRunbookRun(deps: Deps, incidentRef: string, runbookId: string, principal: Principal): Promise<RunView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentRef);
    const runbook = await findRunbook(tx, runbookId.trim());
    if (!runbook) throw new ValidationError('runbookId', `no runbook "${runbookId}"`);
    const { run } = await startRunIn(tx, deps, incident, runbook, principal);
    return viewRun(tx, run);
  });
}

/**
 * One run started in the caller's transaction, its first effects carried out and its
 * message enqueued. Returns the incident as the effects left it, for the next run.
 */
export async function startRunIn(
  tx: Transaction<Database>,
  deps: Deps,
  incident: Incident,
  runbook: StoredRunbook,
  principal: Principal,
): Promise<{ run: StoredRun; incident: Incident }> {
  if (incident.status === 'closed') throw new ValidationError('incident', `${incident.id} is closed; reopen it before starting a runbook`);
  const now = deps.clock.now();
  const at = now.toISOString();
  const by = actingId(principal);
  const { state, effects } = startRun(runbook.definition, { by, at: now });
  const run: StoredRun = {
    id: newId(now.getTime()),
    incidentId: incident.id,
    runbookId: runbook.id,
    definition: runbook.definition,
    state,
    revision: 1,
    startedBy: by,
    slackChannel: null,
    slackTs: null,
    createdAt: at,
    updatedAt: at,
  };
  await insertRun(tx, run);
  const changed = await applyRunEffects(tx, deps, incident, run, effects, principal);
  await enqueueRunMessage(tx, deps, run, now);
  return { run, incident: changed };
}

/** What a run records as started or answered by Hikeshi itself (a trigger). */
export const TRIGGERED_BY = 'system';

/** Who a run records as having acted: the user, else the token's name, else Hikeshi. */
export function actingId(principal: Principal): string {
  return principal.userId ?? (principal.actor.type === 'system' ? TRIGGERED_BY : principal.actor.name);
}
