import { updateIncident as saveIncident } from '../../store/repositories/incidents.js';
import { updateSeverityState } from '../../store/repositories/severity.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { viewIncident, type IncidentView } from '../incidents/incident-view.js';
import { authorize, type Principal } from '../principal.js';
import { enqueueChangeJobs } from '../slack/enqueue-slack-jobs.js';
import { pendingProposal } from './pending-proposal.js';

/**
 * A responder accepts the policy's proposal (web, API, or one click in Slack): the severity
 * moves, the rules are named on the timeline, and the policy decides again from here on.
 */
export async function confirmSeverityProposal(
  deps: Deps,
  idOrReference: string,
  input: { proposalId?: string },
  principal: Principal,
): Promise<IncidentView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const current = await findIncidentForUpdate(tx, idOrReference);
    const proposal = await pendingProposal(tx, current, input.proposalId);
    const now = deps.clock.now();
    const incident = { ...current, severity: proposal.to, updatedAt: now.toISOString() };
    await saveIncident(tx, incident, current);
    await updateSeverityState(tx, incident.id, { source: 'policy', proposal: null });
    const payload = { from: proposal.from, to: proposal.to, ruleIds: proposal.ruleIds, reason: proposal.reason, proposalId: proposal.id };
    const events = await appendEvents(tx, incident.id, [{ kind: 'severity.changed', payload }], principal.actor, now);
    await enqueueChangeJobs(tx, deps, incident, events);
    return viewIncident(tx, incident);
  });
}
