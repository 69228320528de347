import type { Transaction } from 'kysely';
import type { Incident } from '../../domain/incidents/incident.js';
import { updateSeverityState } from '../../store/repositories/severity.js';
import type { Database } from '../../store/schema.js';
import type { Deps } from '../deps.js';
import { reevaluateSeverityInTx } from './reevaluate-in-tx.js';

/**
 * A person chose the severity (PATCH, the Slack menu): it stands from now on. A pending
 * proposal is answered by that choice; if the policy disagrees with the person, its result
 * becomes a proposal shown beside the severity, never applied.
 */
export async function recordSeverityByPerson(tx: Transaction<Database>, deps: Deps, incident: Incident, previous: Incident, now: Date): Promise<void> {
  if (incident.severity === previous.severity) return;
  await updateSeverityState(tx, incident.id, { source: 'person', proposal: null });
  await reevaluateSeverityInTx(tx, deps, incident, { kind: 'field', field: 'severity' }, now);
}
