import type { App } from '@slack/bolt';
import { requestMessageCapture } from '../../usecases/slack-inbound/capture-message.js';
import type { SlackInbound } from '../receiver/slack-app.js';

/**
 * Timeline capture: in an incident channel, a message marked with the timeline reaction
 * (settings.slack.timelineReaction, default :pushpin:) or pinned is copied to the timeline
 * with its author and link. The listener only enqueues the job that fetches the message, so
 * the event is answered (and durable) at once.
 */
export function registerTimelineCapture(app: App, { deps }: SlackInbound): void {
  const reaction = deps.settings.slack.timelineReaction.replace(/^:|:$/g, '');

  app.event('reaction_added', async ({ event }) => {
    if (event.item.type !== 'message' || baseReaction(event.reaction) !== reaction) return;
    await requestMessageCapture(deps, { channelId: event.item.channel, ts: event.item.ts, slackUserId: event.user, via: 'reaction' });
  });

  app.event('pin_added', async ({ event }) => {
    const item = event.item as { type?: string; channel?: string; message?: { ts?: string } };
    const ts = item.message?.ts;
    if (item.type !== 'message' || !ts) return;
    await requestMessageCapture(deps, { channelId: item.channel ?? event.channel_id, ts, slackUserId: event.user, via: 'pin' });
  });
}

/** `thumbsup::skin-tone-2` is a thumbsup. */
function baseReaction(name: string): string {
  return name.split('::')[0]!;
}
