import type { Incident } from '../../domain/incidents/incident.js';
import type { SeverityProposal } from '../../domain/severity/decide.js';
import { ConflictError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import { getSeverityState } from '../../store/repositories/severity.js';

/**
 * The incident's pending proposal, checked against the one the person saw (an old Slack
 * message, a stale page): a proposal answered, withdrawn or replaced since answers 409.
 */
export async function pendingProposal(tx: Executor, incident: Incident, proposalId: string | undefined): Promise<SeverityProposal> {
  const { proposal } = await getSeverityState(tx, incident.id);
  if (!proposal || proposal.dismissedAt !== undefined) {
    throw new ConflictError(`No severity proposal is pending on this incident (it is ${incident.severity}).`, 'severity.no_proposal');
  }
  if ((proposalId !== undefined && proposalId !== proposal.id) || proposal.from !== incident.severity) {
    throw new ConflictError(
      `That severity proposal is out of date: the policy now proposes ${proposal.to} for an incident at ${incident.severity}.`,
      'severity.stale_proposal',
    );
  }
  return proposal;
}
