import type { WebClient } from '@slack/web-api';
import { SlackApiError, callSlack } from '../client.js';

/** Marks Hikeshi's answers in a thread (Slack message metadata), so a rerun finds what it posted. */
export const THREAD_ANSWER_EVENT_TYPE = 'hikeshi_thread_answer';
const LOOK_BACK = 200;

export interface ThreadAnswer {
  channel: string;
  threadTs: string;
  text: string;
  /** Names the answer: the same key is posted once per thread. */
  key: string;
}

/**
 * Replies in a thread at most once. A job may crash (or lose Slack's answer) after Slack
 * posted; on a rerun (`lookBack`) the thread is searched for the mark first, and an answer
 * found there is kept instead of posted again.
 */
export async function replyOnce(client: WebClient, answer: ThreadAnswer, lookBack: boolean): Promise<string> {
  if (lookBack) {
    const found = await findMarked(client, answer);
    if (found) return found;
  }
  const posted = await callSlack('chat.postMessage', () =>
    client.chat.postMessage({
      channel: answer.channel,
      thread_ts: answer.threadTs,
      text: answer.text,
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: THREAD_ANSWER_EVENT_TYPE, event_payload: { key: answer.key } },
    }),
  );
  if (!posted.ts) throw new Error('Slack chat.postMessage answered without a ts');
  return posted.ts;
}

/** The ts of the answer already posted in the thread under this key, if any. */
export async function findMarked(client: WebClient, answer: Omit<ThreadAnswer, 'text'>): Promise<string | undefined> {
  try {
    const replies = await callSlack('conversations.replies', () =>
      client.conversations.replies({ channel: answer.channel, ts: answer.threadTs, limit: LOOK_BACK, include_all_metadata: true }),
    );
    const found = replies.messages?.find((m) => {
      const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
      return m.metadata?.event_type === THREAD_ANSWER_EVENT_TYPE && payload?.key === answer.key;
    });
    return found?.ts;
  } catch (error) {
    // The thread cannot be read (gone, or not visible to the bot): post, accepting a possible repeat.
    if (error instanceof SlackApiError && ['not_in_channel', 'channel_not_found', 'thread_not_found'].includes(error.error)) return undefined;
    throw error;
  }
}
