import { PermanentError } from '../../jobs/errors.js';
import type { JobHandler } from '../../jobs/handler.js';
import type { Deps } from '../../usecases/deps.js';
import { getPage } from '../../usecases/paging/read-pages.js';
import { slackDeliveriesOf } from '../../usecases/paging/slack-deliveries.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { SlackApiError, callSlack } from '../client.js';
import type { SlackRuntime } from '../runtime.js';
import { pageContent } from './page-content.js';
import { pageMessage } from './page-message.js';

/**
 * `paging.refreshSlackMessages`: after a page is acknowledged or resolved (from anywhere),
 * every direct message it sent shows the new state, so nobody paged earlier is left with
 * an Acknowledge button for a page someone already took. Re-running rewrites the same text.
 */
export interface RefreshPageMessagesPayload {
  pageId: string;
}

export function refreshPageMessagesHandler(deps: Deps, slack: SlackRuntime | undefined): JobHandler<RefreshPageMessagesPayload> {
  return async ({ pageId }, ctx) => {
    if (!slack) throw new PermanentError('Slack is not configured');
    const token = await slack.credentials.botToken();
    if (!token) throw new PermanentError('Slack has no bot token (the app is not installed)');
    const client = slack.client(token);
    const page = await getPage(deps, SYSTEM_PRINCIPAL, pageId);
    const message = pageMessage(await pageContent(deps, SYSTEM_PRINCIPAL, page));
    for (const { channel, ts } of await slackDeliveriesOf(deps, pageId)) {
      try {
        await callSlack('chat.update', () => client.chat.update({ channel, ts, ...message }));
      } catch (error) {
        // A message someone deleted, a closed conversation: the others are still worth updating.
        if (!(error instanceof SlackApiError)) throw error;
        ctx.logger?.info({ pageId, channel, error: error.error }, 'page direct message not updated');
      }
    }
  };
}
