import type { WebClient } from '@slack/web-api';
import type { JobHandler } from '../../jobs/handler.js';
import { readPostmortemReminder, type PostmortemReminderRequest } from '../../usecases/postmortems/read-reminder.js';
import type { SlackAutomation } from '../automation/automation.js';
import { SlackApiError, callSlack } from '../client.js';
import { reminderText } from './reminder-text.js';

/** Marks a reminder DM (Slack message metadata) so a retried job finds what it already sent. */
export const REMINDER_EVENT_TYPE = 'hikeshi_postmortem_reminder';
const LOOK_BACK = 20;

/**
 * `postmortems.remind`: before the review meeting, a DM to the postmortem's owner and the
 * owners of action items without a due date, listing what the checklist still misses.
 * Nothing is sent once the checklist is complete, when the meeting moved since the job
 * was planned, or when Slack has been turned off since. A retry skips the people the
 * earlier attempt already reached.
 */
export type RemindPostmortemPayload = PostmortemReminderRequest;

export function remindPostmortemHandler(automation: SlackAutomation | undefined): JobHandler<RemindPostmortemPayload> {
  return async (payload, ctx) => {
    if (!automation) {
      // Planned while Slack was on; it has been turned off since.
      ctx.logger?.info({ incidentId: payload.incidentId }, 'postmortem reminder not sent: Slack is not configured');
      return;
    }
    const reminder = await readPostmortemReminder(automation.deps, payload);
    if (!reminder) return;
    const bot = await automation.bot();
    const text = reminderText(reminder);
    const mark = { incidentId: payload.incidentId, meetingAt: payload.meetingAt, remindAt: payload.remindAt };
    for (const recipient of reminder.recipients) {
      if (!recipient.slackUserId) {
        ctx.logger?.info({ userId: recipient.userId }, 'postmortem reminder not sent: the person has no Slack account');
        continue;
      }
      try {
        const opened = await callSlack('conversations.open', () => bot.client.conversations.open({ users: recipient.slackUserId! }));
        const channel = opened.channel?.id;
        if (!channel) throw new Error('Slack conversations.open answered without a channel');
        if (ctx.attempt > 1 && (await alreadySent(bot.client, channel, mark))) continue;
        await callSlack('chat.postMessage', () =>
          bot.client.chat.postMessage({ channel, text, unfurl_links: false, unfurl_media: false, metadata: { event_type: REMINDER_EVENT_TYPE, event_payload: mark } }),
        );
      } catch (error) {
        // A deactivated person or a bot: asking Slack again will not change its answer.
        if (error instanceof SlackApiError) {
          ctx.logger?.warn({ userId: recipient.userId, error: error.error }, 'postmortem reminder refused by Slack');
          continue;
        }
        throw error;
      }
    }
  };
}

async function alreadySent(client: WebClient, channel: string, mark: RemindPostmortemPayload): Promise<boolean> {
  const history = await callSlack('conversations.history', () => client.conversations.history({ channel, limit: LOOK_BACK, include_all_metadata: true }));
  return (history.messages ?? []).some((m) => {
    const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
    return m.metadata?.event_type === REMINDER_EVENT_TYPE && payload?.incidentId === mark.incidentId && payload?.remindAt === mark.remindAt && payload?.meetingAt === mark.meetingAt;
  });
}
