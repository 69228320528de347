import type { JobHandler } from '../../jobs/handler.js';
import { RetryableError } from '../../jobs/errors.js';
import { readRunMessage, recordRunMessage } from '../../usecases/runbooks/run-message.js';
import { SlackApiError, callSlack } from '../client.js';
import { asMember, requireAutomation, type SlackAutomation } from '../automation/automation.js';
import { postOnce } from '../automation/post-once.js';
import { runStepMessage } from './step-message.js';

/** `runbooks.showStep`: the run's message in the incident channel shows its current step. */
export interface ShowStepPayload {
  runId: string;
}

/** How long to wait for the incident channel, which the declaration's own jobs are creating. */
const CHANNEL_WAIT_MS = 5_000;

/**
 * Posts the run's message the first time, then replaces it (chat.update) with whatever the
 * run shows when the job runs, so a burst of moves ends on the latest step. A run started
 * with the declaration waits for the channel to exist.
 */
export function showStepHandler(automation: SlackAutomation | undefined): JobHandler<ShowStepPayload> {
  return async (payload, ctx) => {
    const slack = requireAutomation(automation);
    const message = await readRunMessage(slack.deps, payload.runId);
    if (!message.channelId) throw new RetryableError(`incident ${message.incident.reference} has no Slack channel yet`, CHANNEL_WAIT_MS);
    const channel = message.channelId;
    const rendered = runStepMessage(message);
    const bot = await slack.bot();
    if (message.ts) {
      try {
        await asMember(bot, channel, () =>
          callSlack('chat.update', () => bot.client.chat.update({ channel, ts: message.ts!, text: rendered.text, blocks: rendered.blocks ?? [] })),
        );
        return;
      } catch (error) {
        // The message was deleted by someone: post the step again below.
        if (!(error instanceof SlackApiError && error.error === 'message_not_found')) throw error;
      }
    }
    const mark = { incidentId: message.incident.id, key: `runbook:${payload.runId}` };
    const ts = await asMember(bot, channel, () => postOnce(bot.client, channel, rendered, mark, ctx.attempt > 1 && !message.ts));
    await recordRunMessage(slack.deps, payload.runId, channel, ts);
  };
}
