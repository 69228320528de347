import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { declareIncident } from '../../usecases/incidents/declare-incident.js';
import { updateIncident } from '../../usecases/incidents/update-incident.js';
import { ValidationError } from '../../errors.js';
import { VIEW } from '../action-ids.js';
import { modalErrors } from '../receiver/explain-error.js';
import type { SlackInbound } from '../receiver/slack-app.js';
import { ACK_PROFILE_DEADLINE_MS, slackPrincipal } from '../receiver/slack-person.js';
import { ASSIGN_BLOCK, readAssignRoleSubmission } from '../views/assign-role-modal.js';
import { declareBlockOf, declaredModal, readDeclareSubmission } from '../views/declare-modal.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Modal submissions. A refusal is shown under the field it is about
 * (`response_action: "errors"`), so the person fixes it without retyping the rest.
 */
export function registerIncidentModals(app: App, inbound: SlackInbound): void {
  const { deps, logger } = inbound;

  app.view<ViewSubmitAction>(VIEW.declare, async ({ ack, body, view, client }: SubmitArgs) => {
    try {
      const principal = await slackPrincipal(deps, client, body.user.id, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
      const input = readDeclareSubmission(view.state.values);
      const incident = await declareIncident(
        deps,
        {
          title: input.title,
          ...(input.severity ? { severity: input.severity } : {}),
          services: input.services,
          ...(input.summary ? { summary: input.summary } : {}),
        },
        principal,
      );
      await ack({ response_action: 'update', view: declaredModal(incident) });
    } catch (error) {
      await ack({ response_action: 'errors', errors: modalErrors(error, declareBlockOf, logger) });
    }
  });

  app.view<ViewSubmitAction>(VIEW.assignRole, async ({ ack, body, view, client }: SubmitArgs) => {
    const blockOf = (field: string) => (field === 'role' ? ASSIGN_BLOCK.role : ASSIGN_BLOCK.person);
    try {
      const principal = await slackPrincipal(deps, client, body.user.id, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
      const { slackUserId, role } = readAssignRoleSubmission(view.state.values);
      if (!slackUserId) throw new ValidationError('person', 'choose someone');
      if (!role) throw new ValidationError('role', 'choose a role');
      const holder = await slackPrincipal(deps, client, slackUserId, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
      await updateIncident(deps, view.private_metadata, { roles: { [role]: holder.userId } }, principal);
      await ack();
    } catch (error) {
      await ack({ response_action: 'errors', errors: modalErrors(error, blockOf, logger) });
    }
  });
}
