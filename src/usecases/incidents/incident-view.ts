import type { Incident } from '../../domain/incidents/incident.js';
import { INCIDENT_ROLES, incidentReference } from '../../domain/incidents/incident.js';
import { STATUS_TRANSITIONS, type IncidentStatus } from '../../domain/incidents/status.js';
import type { SeverityProposal, SeveritySource } from '../../domain/severity/decide.js';
import type { Executor } from '../../store/database.js';
import { listServicesByIds } from '../../store/repositories/services.js';
import { listSeverityStates, type IncidentSeverityState } from '../../store/repositories/severity.js';
import { listUsersByIds } from '../../store/repositories/users.js';

export interface Ref {
  id: string;
  name: string;
}

/** An incident as people read it: names beside ids, the moves it allows. */
export interface IncidentView extends Omit<Incident, 'serviceIds' | 'roles' | 'declaredById'> {
  reference: string;
  services: Ref[];
  roles: Record<(typeof INCIDENT_ROLES)[number], Ref | null>;
  declaredBy: Ref | null;
  allowedTransitions: IncidentStatus[];
  /** Who set the severity ('declared', 'policy', 'person'), and the policy's pending proposal beside it. */
  severitySource: SeveritySource;
  severityProposal: SeverityProposal | null;
}

export async function viewIncidents(tx: Executor, incidents: readonly Incident[]): Promise<IncidentView[]> {
  const userIds = incidents.flatMap((i) => [...Object.values(i.roles), i.declaredById].filter((id): id is string => !!id));
  const [users, services, severityStates] = await Promise.all([
    listUsersByIds(tx, userIds),
    listServicesByIds(tx, incidents.flatMap((i) => i.serviceIds)),
    listSeverityStates(tx, incidents.map((i) => i.id)),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const ref = (id: string | null): Ref | null => (id ? { id, name: userName.get(id) ?? id } : null);

  return incidents.map(({ serviceIds, roles, declaredById, ...incident }) => ({
    ...incident,
    reference: incidentReference(incident.number),
    services: serviceIds
      .map((id) => ({ id, name: serviceName.get(id) ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    roles: {
      commander: ref(roles.commander),
      communications: ref(roles.communications),
      scribe: ref(roles.scribe),
    },
    declaredBy: ref(declaredById),
    allowedTransitions: [...STATUS_TRANSITIONS[incident.status]],
    ...severityView(severityStates.get(incident.id)),
  }));
}

/** A dismissed proposal is kept only so it is not made again; it is not shown. */
function severityView(state: IncidentSeverityState | undefined): Pick<IncidentView, 'severitySource' | 'severityProposal'> {
  const proposal = state?.proposal;
  return { severitySource: state?.source ?? 'declared', severityProposal: proposal && proposal.dismissedAt === undefined ? proposal : null };
}

export async function viewIncident(tx: Executor, incident: Incident): Promise<IncidentView> {
  return (await viewIncidents(tx, [incident]))[0]!;
}
