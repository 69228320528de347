import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import { isIncidentStatus } from '../../domain/incidents/status.js';
import { ValidationError } from '../../errors.js';
import { getIncident } from '../../usecases/incidents/read-incidents.js';
import { resolveIncident, updateIncident } from '../../usecases/incidents/update-incident.js';
import type { Principal } from '../../usecases/principal.js';
import { acknowledgeIncident } from '../../usecases/slack-inbound/acknowledge-incident.js';
import { ACTION } from '../action-ids.js';
import { callSlack } from '../client.js';
import { explainError } from '../receiver/explain-error.js';
import type { SlackInbound } from '../receiver/slack-app.js';
import { ACK_PROFILE_DEADLINE_MS, slackPrincipal } from '../receiver/slack-person.js';
import { assignRoleModal } from '../views/assign-role-modal.js';
import { answerPrivately } from './answer-person.js';
import { recordInquiryClick } from './inquiry-button.js';

type ActionArgs<A extends ButtonAction | StaticSelectAction> = SlackActionMiddlewareArgs<BlockAction<A>> & AllMiddlewareArgs;
type Work<A extends ButtonAction | StaticSelectAction> = (args: ActionArgs<A>, principal: Principal) => Promise<unknown>;

/**
 * The buttons and selects of the incident summary message. The value of a button (the
 * block id of a select) is the incident id. Each runs its use case, then acknowledges; a
 * refusal (a forbidden transition, a missing role) is told to the person ephemerally.
 */
export function registerIncidentActions(app: App, inbound: SlackInbound): void {
  const { deps } = inbound;
  app.action<BlockAction<ButtonAction>>(
    ACTION.acknowledge,
    handle(inbound, ({ action }, principal) => acknowledgeIncident(deps, action.value ?? '', principal)),
  );
  app.action<BlockAction<ButtonAction>>(
    ACTION.resolve,
    handle(inbound, ({ action }, principal) => resolveIncident(deps, action.value ?? '', undefined, principal)),
  );
  app.action<BlockAction<StaticSelectAction>>(
    ACTION.setStatus,
    handle(inbound, ({ action }, principal) => {
      const status = action.selected_option.value;
      if (!isIncidentStatus(status)) throw new ValidationError('status', `unknown status "${status}"`);
      return updateIncident(deps, action.block_id, { status }, principal);
    }),
  );
  app.action<BlockAction<StaticSelectAction>>(
    ACTION.setSeverity,
    handle(inbound, ({ action }, principal) => updateIncident(deps, action.block_id, { severity: action.selected_option.value }, principal)),
  );
  app.action<BlockAction<ButtonAction>>(ACTION.recordInquiry, recordInquiryClick(inbound));
  app.action<BlockAction<ButtonAction>>(
    ACTION.assignRole,
    handle(inbound, async ({ action, body, client }, principal) => {
      const incident = await getIncident(deps, action.value ?? '', principal);
      const view = assignRoleModal({ id: incident.id, reference: incident.reference });
      await callSlack('views.open', () => client.views.open({ trigger_id: body.trigger_id, view }));
    }),
  );
}

function handle<A extends ButtonAction | StaticSelectAction>(inbound: SlackInbound, work: Work<A>) {
  return async (args: ActionArgs<A>): Promise<void> => {
    const { body, ack, client, respond } = args;
    let refusal: string | undefined;
    try {
      const principal = await slackPrincipal(inbound.deps, client, body.user.id, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
      await work(args, principal);
    } catch (error) {
      refusal = explainError(error, inbound.logger);
    }
    await ack();
    if (refusal) {
      await answerPrivately(client, { channelId: body.channel?.id, userId: body.user.id, respond }, refusal, inbound.logger);
    }
  };
}
