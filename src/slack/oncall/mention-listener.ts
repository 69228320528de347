import type { App } from '@slack/bolt';
import { requestOncallAnswer } from '../../usecases/slack-inbound/oncall-mention.js';
import type { SlackInbound } from '../receiver/slack-app.js';

/**
 * `app_mention`: a message mentioning the app (`@Hikeshi oncall payments: refunds fail`).
 * The listener only queues the answer (`slack.answerOncall`), so the event is answered, and
 * durable, at once; the job reads the message and replies in its thread. Messages from bots
 * (Hikeshi's own included) are not answered.
 */
export function registerOncallMention(app: App, { deps }: SlackInbound): void {
  app.event('app_mention', async ({ event }) => {
    if (event.bot_id || !event.user || event.subtype) return;
    await requestOncallAnswer(deps, {
      channelId: event.channel,
      ts: event.ts,
      threadTs: event.thread_ts,
      askerSlackUserId: event.user,
      text: event.text ?? '',
    });
  });
}
