import { incidentReference } from '../../domain/incidents/incident.js';
import { ConflictError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { findIncident } from '../incidents/find-incident.js';
import type { IncidentView } from '../incidents/incident-view.js';
import { updateIncident } from '../incidents/update-incident.js';
import { authorize, type Principal } from '../principal.js';

/**
 * "I'm on it": takes an incident out of triage. Acknowledging one that is already past
 * triage is refused rather than moving it back to investigating.
 */
export async function acknowledgeIncident(deps: Deps, idOrReference: string, principal: Principal): Promise<IncidentView> {
  authorize(principal, 'responder');
  const incident = await findIncident(deps.db, idOrReference);
  if (incident.status !== 'triage') {
    throw new ConflictError(
      `${incidentReference(incident.number)} was already acknowledged; it is ${incident.status}.`,
      'incident.already_acknowledged',
    );
  }
  return updateIncident(deps, incident.id, { status: 'investigating' }, principal);
}
