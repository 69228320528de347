import type { JobHandler } from '../../jobs/handler.js';
import { readSlackUpdate } from '../../usecases/slack/read-update-events.js';
import { asMember, requireAutomation, type SlackAutomation } from '../automation/automation.js';
import { postOnce } from '../automation/post-once.js';
import { WaitingForChannelError, runStep } from '../automation/run-step.js';
import { severityMessage } from './severity-message.js';

/** `slack.postSeverity`: a severity the policy applied or proposed, quoted in the incident channel once. */
export interface PostSeverityPayload {
  incidentId: string;
  eventId: string;
}

export function postSeverityHandler(automation: SlackAutomation | undefined): JobHandler<PostSeverityPayload> {
  return async (payload, ctx) => {
    const slack = requireAutomation(automation);
    await runStep(slack, payload.incidentId, ctx, async () => {
      const update = await readSlackUpdate(slack.deps, payload.incidentId, [payload.eventId]);
      const channel = update.channel?.channelId;
      if (!channel) throw new WaitingForChannelError();
      const event = update.events[0];
      const message = event && severityMessage(update.incident, event);
      if (!message) return;
      const bot = await slack.bot();
      const mark = { incidentId: update.incident.id, key: `severity:${payload.eventId}` };
      await asMember(bot, channel, () => postOnce(bot.client, channel, message, mark, ctx.attempt > 1));
    });
  };
}
