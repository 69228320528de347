import type { JobHandler } from '../../jobs/handler.js';
import { readSlackUpdate } from '../../usecases/slack/read-update-events.js';
import { recordResolutionPosted } from '../../usecases/slack/record-channel-messages.js';
import { broadcastUpdateMessage, channelUpdateMessage } from '../blocks/updates.js';
import { asMember, requireAutomation, type SlackAutomation } from './automation.js';
import { postOnce } from './post-once.js';
import { WaitingForChannelError, runStep } from './run-step.js';

/**
 * `slack.postUpdate`: changes made anywhere in Hikeshi, echoed into the incident channel
 * (`target: 'channel'`), and status updates and the resolution into the broadcast channel
 * (`target: 'broadcast'`). One message per change (its timeline event ids).
 */
export interface PostUpdatePayload {
  incidentId: string;
  eventIds: string[];
  target: 'channel' | 'broadcast';
}

export function postUpdateHandler(automation: SlackAutomation | undefined): JobHandler<PostUpdatePayload> {
  return async (payload, ctx) => {
    const slack = requireAutomation(automation);
    const broadcast = slack.settings.broadcastChannel;
    if (payload.target === 'broadcast' && !broadcast) return;
    await runStep(slack, payload.incidentId, ctx, async () => {
      const update = await readSlackUpdate(slack.deps, payload.incidentId, payload.eventIds);
      const target = payload.target === 'broadcast' ? broadcast! : update.channel?.channelId;
      // A change made while Slack was down, before the channel existed: wait for the channel.
      if (!target) throw new WaitingForChannelError();
      const message = payload.target === 'broadcast' ? broadcastUpdateMessage(update) : channelUpdateMessage(update);
      if (!message) return;
      const bot = await slack.bot();
      const mark = { incidentId: update.incident.id, key: `update:${payload.target}:${payload.eventIds[0] ?? ''}` };
      const post = () => postOnce(bot.client, target, message, mark, ctx.attempt > 1);
      await (payload.target === 'channel' ? asMember(bot, target, post) : post());
      const resolved = update.events.some((e) => e.kind === 'status.changed' && e.payload.to === 'resolved');
      if (payload.target === 'broadcast' && resolved) await recordResolutionPosted(slack.deps, update.incident.id, target);
    });
  };
}
