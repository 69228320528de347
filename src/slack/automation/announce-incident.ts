import type { JobHandler } from '../../jobs/handler.js';
import { recordAnnouncementPosted } from '../../usecases/slack/record-channel-messages.js';
import { readSlackIncident } from '../../usecases/slack/slack-incident.js';
import { announcementMessage } from '../blocks/announcement.js';
import { requireAutomation, type SlackAutomation } from './automation.js';
import { postOnce } from './post-once.js';
import { runStep } from './run-step.js';

/** `slack.announceIncident`: the declaration, in the configured broadcast channel, once. */
export interface AnnounceIncidentPayload {
  incidentId: string;
}

export function announceIncidentHandler(automation: SlackAutomation | undefined): JobHandler<AnnounceIncidentPayload> {
  return async (payload, ctx) => {
    const slack = requireAutomation(automation);
    const broadcast = slack.settings.broadcastChannel;
    if (!broadcast) return;
    await runStep(slack, payload.incidentId, ctx, async () => {
      const { incident, channel } = await readSlackIncident(slack.deps, payload.incidentId);
      if (channel?.announcementTs) return;
      const bot = await slack.bot();
      const mark = { incidentId: incident.id, key: 'announcement' };
      const ts = await postOnce(bot.client, broadcast, announcementMessage(incident, channel?.channelId ?? null), mark, ctx.attempt > 1);
      await recordAnnouncementPosted(slack.deps, incident.id, broadcast, ts);
    });
  };
}
