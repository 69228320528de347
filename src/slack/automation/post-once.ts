import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../blocks/message.js';
import { SlackApiError, callSlack } from '../client.js';

/** Marks Hikeshi's messages (Slack message metadata) so a retry can find what it already posted. */
export const MESSAGE_EVENT_TYPE = 'hikeshi_message';
const LOOK_BACK = 200;

export interface MessageMark {
  incidentId: string;
  /** Names the message within the incident: `summary`, `announcement`, `update:<event id>`... */
  key: string;
}

/**
 * Posts a message at most once. A job may crash (or lose its answer) after Slack posted and
 * before the ts was stored; on a rerun (`lookBack`) the channel's latest messages are searched
 * for the mark first, and a message found there is adopted instead of posted again.
 */
export async function postOnce(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  mark: MessageMark,
  lookBack: boolean,
): Promise<string> {
  if (lookBack) {
    const found = await findMarked(client, channel, mark);
    if (found) return found;
  }
  const answer = await callSlack('chat.postMessage', () =>
    client.chat.postMessage({
      channel,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: MESSAGE_EVENT_TYPE, event_payload: { incident_id: mark.incidentId, key: mark.key } },
    }),
  );
  if (!answer.ts) throw new Error('Slack chat.postMessage answered without a ts');
  return answer.ts;
}

async function findMarked(client: WebClient, channel: string, mark: MessageMark): Promise<string | undefined> {
  try {
    const history = await callSlack('conversations.history', () =>
      client.conversations.history({ channel, limit: LOOK_BACK, include_all_metadata: true }),
    );
    const found = history.messages?.find((m) => {
      const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
      return m.metadata?.event_type === MESSAGE_EVENT_TYPE && payload?.incident_id === mark.incidentId && payload.key === mark.key;
    });
    return found?.ts;
  } catch (error) {
    // The bot cannot read this channel's history: post, accepting a possible repeat.
    if (error instanceof SlackApiError && (error.error === 'not_in_channel' || error.error === 'channel_not_found')) return undefined;
    throw error;
  }
}
