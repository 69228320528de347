import { PermanentError } from '../../jobs/errors.js';
import type { PageNotice } from '../../usecases/paging/page-notice.js';
import { SlackApiError, callSlack } from '../client.js';
import { findMarkedInHistory } from '../marked-history.js';
import type { SlackRuntime } from '../runtime.js';
import { pageMessage, type PageMessageContent } from './page-message.js';

/** Marks a page's direct message (Slack message metadata) so a retried send finds it. */
export const PAGE_DM_EVENT_TYPE = 'hikeshi_page_notification';

/**
 * Sends one page notification as a direct message from the app: `conversations.open` with the
 * person's Slack id, then `chat.postMessage` with the Acknowledge and Resolve buttons. A send
 * may post and then crash before the notification is marked sent: a retry (`lookBack`) first
 * looks for its own mark in the conversation and keeps that message instead of posting again.
 * Slack refusing the person (deactivated, a bot) is permanent.
 */
export async function sendPageDm(
  slack: SlackRuntime,
  notice: PageNotice,
  options: { lookBack?: boolean } = {},
): Promise<{ channel: string; ts: string }> {
  const slackUserId = notice.recipient?.slackUserId;
  if (!slackUserId) throw new PermanentError(`notification ${notice.notificationId} has no Slack user to message`);
  const token = await slack.credentials.botToken();
  if (!token) throw new PermanentError('Slack has no bot token (the app is not installed)');
  const client = slack.client(token);
  try {
    const opened = await callSlack('conversations.open', () => client.conversations.open({ users: slackUserId }));
    const channel = opened.channel?.id;
    if (!channel) throw new Error('Slack conversations.open answered without a channel');
    if (options.lookBack) {
      const ts = await findMarkedInHistory(client, channel, PAGE_DM_EVENT_TYPE, (payload) => payload.notificationId === notice.notificationId);
      if (ts) return { channel, ts };
    }
    const message = pageMessage(noticeContent(notice));
    const posted = await callSlack('chat.postMessage', () =>
      client.chat.postMessage({
        channel,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: PAGE_DM_EVENT_TYPE, event_payload: { notificationId: notice.notificationId, pageId: notice.pageId } },
      }),
    );
    if (!posted.ts) throw new Error('Slack chat.postMessage answered without a ts');
    return { channel, ts: posted.ts };
  } catch (error) {
    // user_not_found, user_disabled, cannot_dm_bot, …: sending again will not change Slack's mind.
    if (error instanceof SlackApiError) throw new PermanentError(error.message, { cause: error });
    throw error;
  }
}

/** The message content of a notice: the page as it was when this level was notified. */
export function noticeContent(notice: PageNotice): PageMessageContent {
  return {
    pageId: notice.pageId,
    pageNumber: notice.pageNumber,
    message: notice.message,
    details: notice.details,
    level: notice.level,
    cycle: notice.cycle,
    policyName: notice.policyName,
    status: notice.status,
    incident: notice.incident && {
      reference: notice.incident.reference,
      title: notice.incident.title,
      url: siblingUrl(notice.pageUrl, `/pages/${notice.pageId}`, `/incidents/${notice.incident.id}`),
    },
    pageUrl: notice.pageUrl,
    createdByName: notice.createdByName,
    acknowledged: null,
    resolved: null,
  };
}

/** The web app's address of another record, from the page's (`…/pages/<id>` → `…/incidents/<id>`). */
function siblingUrl(pageUrl: string, pagePath: string, otherPath: string): string | null {
  return pageUrl.endsWith(pagePath) ? `${pageUrl.slice(0, -pagePath.length)}${otherPath}` : null;
}
