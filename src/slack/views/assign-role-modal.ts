import type { types } from '@slack/bolt';
import type { IncidentRole } from '../../domain/incidents/incident.js';
import { INCIDENT_ROLES } from '../../domain/incidents/incident.js';
import { VIEW } from '../action-ids.js';
import { INPUT, plain, selectedUser, selectedValue, type ViewValues } from './view-state.js';

export const ASSIGN_BLOCK = { person: 'person', role: 'role' } as const;

export const ROLE_LABEL: Record<IncidentRole, string> = {
  commander: 'Incident commander',
  communications: 'Communications lead',
  scribe: 'Scribe',
};

/** The summary message's "Assign role" button: who, and which role. `private_metadata` is the incident id. */
export function assignRoleModal(incident: { id: string; reference: string }): types.ModalView {
  const options = INCIDENT_ROLES.map((role) => ({ text: plain(ROLE_LABEL[role]), value: role }));
  return {
    type: 'modal',
    callback_id: VIEW.assignRole,
    private_metadata: incident.id,
    title: plain(`Assign a role: ${incident.reference}`.slice(0, 24)),
    submit: plain('Assign'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: ASSIGN_BLOCK.person,
        label: plain('Person'),
        element: { type: 'users_select', action_id: INPUT, placeholder: plain('Choose someone') },
      },
      {
        type: 'input',
        block_id: ASSIGN_BLOCK.role,
        label: plain('Role'),
        element: { type: 'static_select', action_id: INPUT, options, initial_option: options[0]! },
      },
    ],
  };
}

export function readAssignRoleSubmission(values: ViewValues): { slackUserId: string | undefined; role: IncidentRole | undefined } {
  const role = selectedValue(values, ASSIGN_BLOCK.role);
  return {
    slackUserId: selectedUser(values, ASSIGN_BLOCK.person),
    role: (INCIDENT_ROLES as readonly string[]).includes(role ?? '') ? (role as IncidentRole) : undefined,
  };
}
