import type { JobHandler } from '../../jobs/handler.js';
import { finishChannelSync, recordSummaryPosted } from '../../usecases/slack/record-channel-messages.js';
import { readSlackIncident } from '../../usecases/slack/slack-incident.js';
import { announcementMessage } from '../blocks/announcement.js';
import type { SlackMessage } from '../blocks/message.js';
import { summaryMessage } from '../blocks/summary.js';
import { channelTopic } from '../blocks/topic.js';
import { SlackApiError, callSlack } from '../client.js';
import { asMember, requireAutomation, type SlackActor, type SlackAutomation } from './automation.js';
import { postOnce } from './post-once.js';
import { runStep } from './run-step.js';

/**
 * `slack.syncChannel`: the channel shows the incident as it is now: the topic (status,
 * severity, commander), the summary message with its buttons (posted once, then updated in
 * place) and the announcement in the broadcast channel. Bursts of changes share one run.
 */
export interface SyncChannelPayload {
  incidentId: string;
}

/** Answers of chat.update that mean the message is gone; the summary is then posted anew. */
const MESSAGE_GONE = new Set(['message_not_found', 'cant_update_message']);

export function syncChannelHandler(automation: SlackAutomation | undefined): JobHandler<SyncChannelPayload> {
  return async (payload, ctx) => {
    const slack = requireAutomation(automation);
    await runStep(slack, payload.incidentId, ctx, async () => {
      const { incident, channel } = await readSlackIncident(slack.deps, payload.incidentId);
      if (!channel) return; // the channel's creation enqueues a sync of its own
      const bot = await slack.bot();

      const topic = channelTopic(incident);
      const info = await callSlack('conversations.info', () => bot.client.conversations.info({ channel: channel.channelId }));
      if (info.channel?.topic?.value !== topic) {
        await asMember(bot, channel.channelId, () =>
          callSlack('conversations.setTopic', () => bot.client.conversations.setTopic({ channel: channel.channelId, topic })),
        );
      }

      const summary = summaryMessage(incident);
      const updated = channel.summaryTs !== null && (await update(bot, channel.channelId, channel.summaryTs, summary));
      if (!updated) {
        const mark = { incidentId: incident.id, key: 'summary' };
        const ts = await asMember(bot, channel.channelId, () => postOnce(bot.client, channel.channelId, summary, mark, true));
        await recordSummaryPosted(slack.deps, incident.id, ts);
      }

      const broadcast = slack.settings.broadcastChannel;
      if (broadcast && channel.announcementTs) {
        await update(bot, broadcast, channel.announcementTs, announcementMessage(incident, channel.channelId));
      }
      await finishChannelSync(slack.deps, incident.id, incident.updatedAt);
    });
  };
}

/** chat.update; false when the message is gone (deleted, or the channel changed). */
async function update(bot: SlackActor, channel: string, ts: string, message: SlackMessage): Promise<boolean> {
  try {
    await callSlack('chat.update', () =>
      bot.client.chat.update({ channel, ts, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) }),
    );
    return true;
  } catch (error) {
    if (error instanceof SlackApiError && (MESSAGE_GONE.has(error.error) || error.error === 'channel_not_found')) return false;
    throw error;
  }
}
