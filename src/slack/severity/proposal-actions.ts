import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { confirmSeverityProposal } from '../../usecases/severity/confirm-proposal.js';
import { dismissSeverityProposal } from '../../usecases/severity/dismiss-proposal.js';
import { SEVERITY_ACTION } from '../action-ids.js';
import { answerPrivately } from '../interactions/answer-person.js';
import { explainError } from '../receiver/explain-error.js';
import type { SlackInbound } from '../receiver/slack-app.js';
import { ACK_PROFILE_DEADLINE_MS, slackPrincipal } from '../receiver/slack-person.js';
import { answeredProposalMessage } from './severity-message.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type Outcome = 'confirmed' | 'dismissed';

/**
 * Confirm and Dismiss under a severity proposal (value `<incident id>|<proposal id>`): one click
 * by anyone with the responder role answers it, and the message loses its buttons and says who.
 * A click on a proposal answered or replaced since is told why, privately.
 */
export function registerSeverityActions(app: App, inbound: SlackInbound): void {
  app.action<BlockAction<ButtonAction>>(SEVERITY_ACTION.confirm, answer(inbound, 'confirmed'));
  app.action<BlockAction<ButtonAction>>(SEVERITY_ACTION.dismiss, answer(inbound, 'dismissed'));
}

function answer({ deps, logger }: SlackInbound, outcome: Outcome) {
  return async ({ body, action, ack, client, respond }: ButtonArgs): Promise<void> => {
    const [incidentId = '', proposalId] = (action.value ?? '').split('|');
    let refusal: string | undefined;
    let by = '';
    try {
      const principal = await slackPrincipal(deps, client, body.user.id, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
      const answerProposal = outcome === 'confirmed' ? confirmSeverityProposal : dismissSeverityProposal;
      await answerProposal(deps, incidentId, proposalId === undefined ? {} : { proposalId }, principal);
      by = `<@${body.user.id}>`;
    } catch (error) {
      refusal = explainError(error, logger);
    }
    await ack();
    if (refusal) {
      await answerPrivately(client, { channelId: body.channel?.id, userId: body.user.id, respond }, refusal, logger);
      return;
    }
    const original = body.message?.text ?? '';
    try {
      await respond({ replace_original: true, ...answeredProposalMessage(original, outcome, by) });
    } catch (error) {
      logger?.warn({ err: error }, 'could not replace the severity proposal message');
    }
  };
}
