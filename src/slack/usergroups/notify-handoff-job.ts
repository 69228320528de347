import { guestOnCallChannelText, incomingNoticeText, outgoingNoticeText } from '../../domain/oncall/handoff-notice.js';
import { classifySlackUser } from '../../domain/slack/slack-user.js';
import { PermanentError } from '../../jobs/errors.js';
import type { JobHandler } from '../../jobs/handler.js';
import { readHandoffNotice, type HandoffNoticeRequest } from '../../usecases/oncall/user-groups/read-handoff-notice.js';
import { requireAutomation, type SlackAutomation } from '../automation/automation.js';
import { SlackApiError, callSlack } from '../client.js';
import { findMarkedInHistory } from '../marked-history.js';
import { appIdentity } from '../oncall/app-identity.js';

/**
 * `oncall.notifyHandoff`: one notice of one handoff (its key makes it once per handoff).
 * `incoming`: a DM to the person whose shift starts, naming the group that now reaches them
 * or, for a guest (whom Slack keeps out of groups), the `@Hikeshi oncall` redirect.
 * `channel`: when that person is a guest, the same news in the broadcast channel.
 * `outgoing`: a DM to the person whose shift ended, with what is still open.
 */
export type NotifyHandoffPayload = HandoffNoticeRequest;

/** Marks a handoff notice (Slack message metadata) so a retried job finds it. */
const HANDOFF_NOTICE_EVENT_TYPE = 'hikeshi_handoff_notice';

export function notifyHandoffHandler(automation: SlackAutomation | undefined): JobHandler<NotifyHandoffPayload> {
  return async (payload, ctx) => {
    const slack = requireAutomation(automation);
    const facts = await readHandoffNotice(slack.deps, payload);
    const slackUserId = facts?.person.slackUserId;
    if (!facts || !slackUserId) {
      ctx.logger?.info({ scheduleId: payload.scheduleId, audience: payload.audience }, 'handoff notice not sent: schedule gone or person without a Slack account');
      return;
    }
    const bot = await slack.bot();
    const token = await slack.runtime.credentials.botToken();
    const app = await appIdentity(slack.runtime, bot.client, token ?? '', ctx.now.getTime());
    const askWith = `@${app.handle || 'hikeshi'} oncall`;
    const shift = { scheduleName: facts.scheduleName, timeZone: facts.timeZone, until: facts.until };

    let channel: string;
    let text: string;
    if (payload.audience === 'outgoing') {
      channel = slackUserId;
      text = outgoingNoticeText({ ...shift, next: facts.next, incidents: facts.incidents, pages: facts.pages });
    } else {
      const guest = ['multi_channel_guest', 'single_channel_guest'].includes(classifySlackUser(await slack.runtime.users.lookup(bot.client, slackUserId)));
      if (payload.audience === 'incoming') {
        channel = slackUserId;
        text = incomingNoticeText({ ...shift, group: facts.group, guest, askWith });
      } else {
        const broadcast = slack.settings.broadcastChannel;
        if (!guest || !facts.group || !broadcast) return;
        channel = broadcast;
        text = guestOnCallChannelText({ ...shift, person: facts.person, group: facts.group, askWith });
      }
    }
    const key = `${payload.scheduleId}:${payload.at}:${payload.audience}`;
    try {
      if (channel === slackUserId) {
        const opened = await callSlack('conversations.open', () => bot.client.conversations.open({ users: slackUserId }));
        channel = opened.channel?.id ?? slackUserId;
      }
      // A retry after a crash between Slack's post and the job's end finds its own message.
      if (ctx.attempt > 1 && (await findMarkedInHistory(bot.client, channel, HANDOFF_NOTICE_EVENT_TYPE, (p) => p.key === key))) return;
      await callSlack('chat.postMessage', () =>
        bot.client.chat.postMessage({
          channel,
          text,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: HANDOFF_NOTICE_EVENT_TYPE, event_payload: { key } },
        }),
      );
    } catch (error) {
      // A deactivated person, a channel gone or archived: asking again will not change that.
      if (error instanceof SlackApiError) throw new PermanentError(error.message, { cause: error });
      throw error;
    }
  };
}
