import type { WebClient } from '@slack/web-api';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { fetchMessage, fetchPermalink, type SlackMessage } from '../../slack/events/slack-message.js';
import { slackPrincipal } from '../../slack/receiver/slack-person.js';
import type { Deps } from '../../usecases/deps.js';
import { recordCapturedMessage } from '../../usecases/slack-inbound/capture-message.js';
import { PermanentError } from '../errors.js';
import type { JobHandler } from '../handler.js';
import type { JobDeps } from '../kinds.js';

/** `slack.captureMessage`: a message marked in an incident channel, copied to its timeline. */
export interface CaptureMessagePayload {
  incidentId: string;
  channelId: string;
  ts: string;
  /** The Slack user who reacted or pinned: the timeline entry's actor. */
  capturedBy: string;
  via: 'reaction' | 'pin';
}

export function captureMessage({ deps, slack }: JobDeps): JobHandler<CaptureMessagePayload> {
  return async (payload, ctx) => {
    if (!slack) throw new PermanentError('Slack is not configured');
    const token = await slack.credentials.botToken();
    if (!token) throw new PermanentError('Slack has no bot token (the app is not installed)');
    const client = slack.client(token);
    const message = await fetchMessage(client, payload.channelId, payload.ts);
    if (!message) {
      ctx.logger?.info({ channelId: payload.channelId }, 'the marked Slack message is gone; nothing captured');
      return;
    }
    const permalink = await fetchPermalink(client, payload.channelId, payload.ts);
    try {
      const capturer = await slackPrincipal(deps, client, payload.capturedBy);
      const author = await authorName(deps, client, message);
      await recordCapturedMessage(
        deps,
        payload.incidentId,
        {
          body: message.text,
          author,
          authorSlackId: message.user ?? message.botId ?? '',
          permalink,
          ts: message.ts,
        },
        capturer,
      );
    } catch (error) {
      // A viewer or a deactivated account marked it, or the incident is gone: retrying cannot help.
      if (error instanceof ForbiddenError || error instanceof NotFoundError) {
        ctx.logger?.info({ code: error.code }, `message not captured: ${error.message}`);
        return;
      }
      throw error;
    }
  };
}

/** The author as Hikeshi knows them (enrolled if new); a bot or a deactivated account by its Slack name. */
async function authorName(deps: Deps, client: WebClient, message: SlackMessage): Promise<string> {
  if (!message.user || message.botId) return message.username ?? message.user ?? 'a bot';
  try {
    return (await slackPrincipal(deps, client, message.user)).actor.name;
  } catch (error) {
    if (error instanceof ForbiddenError) return message.username ?? message.user;
    throw error;
  }
}
