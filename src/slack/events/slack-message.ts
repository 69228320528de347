import type { WebClient } from '@slack/web-api';
import { SlackApiError, callSlack } from '../client.js';

export interface SlackMessage {
  ts: string;
  text: string;
  user: string | undefined;
  botId: string | undefined;
  /** A bot's display name. */
  username: string | undefined;
}

interface RawMessage {
  ts?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  username?: string;
  bot_profile?: { name?: string };
}

/** One message by channel and ts: a top-level message from the history, a thread reply from its thread. */
export async function fetchMessage(client: WebClient, channel: string, ts: string): Promise<SlackMessage | undefined> {
  const history = await callSlack('conversations.history', () =>
    client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 }),
  );
  const top = (history.messages as RawMessage[] | undefined)?.find((m) => m.ts === ts);
  if (top) return toMessage(top);
  try {
    const replies = await callSlack('conversations.replies', () => client.conversations.replies({ channel, ts, limit: 200 }));
    const reply = (replies.messages as RawMessage[] | undefined)?.find((m) => m.ts === ts);
    return reply && toMessage(reply);
  } catch (error) {
    if (error instanceof SlackApiError && error.error === 'thread_not_found') return undefined;
    throw error;
  }
}

/** The message's link, or null when Slack will not give one (it is still captured). */
export async function fetchPermalink(client: WebClient, channel: string, ts: string): Promise<string | null> {
  try {
    const answer = await callSlack('chat.getPermalink', () => client.chat.getPermalink({ channel, message_ts: ts }));
    return answer.permalink ?? null;
  } catch (error) {
    if (error instanceof SlackApiError) return null;
    throw error;
  }
}

function toMessage(m: RawMessage): SlackMessage {
  return {
    ts: m.ts!,
    text: m.text ?? '',
    user: m.user,
    botId: m.bot_id,
    username: m.username ?? m.bot_profile?.name,
  };
}
