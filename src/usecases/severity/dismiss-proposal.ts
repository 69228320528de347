import { updateSeverityState } from '../../store/repositories/severity.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { viewIncident, type IncidentView } from '../incidents/incident-view.js';
import { authorize, type Principal } from '../principal.js';
import { pendingProposal } from './pending-proposal.js';

/** A responder turns the proposal down: the severity stays, and the same result is not proposed again. */
export async function dismissSeverityProposal(
  deps: Deps,
  idOrReference: string,
  input: { proposalId?: string },
  principal: Principal,
): Promise<IncidentView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, idOrReference);
    const proposal = await pendingProposal(tx, incident, input.proposalId);
    const now = deps.clock.now();
    await updateSeverityState(tx, incident.id, { proposal: { ...proposal, dismissedAt: now.toISOString() } });
    await appendEvents(tx, incident.id, [{ kind: 'severity.proposal_dismissed', payload: { proposalId: proposal.id, to: proposal.to } }], principal.actor, now);
    return viewIncident(tx, incident);
  });
}
