import type { Transaction } from 'kysely';
import type { Incident } from '../../domain/incidents/incident.js';
import type { Database } from '../../store/schema.js';
import type { Deps } from '../deps.js';

/** What changed, so the timeline and the channel can say why severity was looked at again. */
export type SeverityCause = { kind: 'field'; field: string } | { kind: 'inquiry' } | { kind: 'alert'; alertId: string } | { kind: 'declared' };

/**
 * Re-reads the incident's facts and applies the policy inside the caller's transaction.
 * Returns the incident as it stands afterwards.
 */
export async function reevaluateSeverityInTx(
  _tx: Transaction<Database>,
  _deps: Deps,
  incident: Incident,
  _cause: SeverityCause,
  _now: Date,
): Promise<Incident> {
  return incident;
}
