import type { WebClient } from '@slack/web-api';
import { callSlack } from './client.js';

const LOOK_BACK = 50;

/**
 * The ts of a recent message in `channel` that Hikeshi marked (Slack message metadata) with
 * `eventType` and a payload for which `matches` holds. A job that may have posted before a
 * crash looks here on its retry, so the person is not messaged twice.
 */
export async function findMarkedInHistory(
  client: WebClient,
  channel: string,
  eventType: string,
  matches: (payload: Record<string, unknown>) => boolean,
): Promise<string | undefined> {
  const history = await callSlack('conversations.history', () =>
    client.conversations.history({ channel, limit: LOOK_BACK, include_all_metadata: true }),
  );
  const found = history.messages?.find((m) => {
    const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
    return m.metadata?.event_type === eventType && payload !== undefined && matches(payload);
  });
  return found?.ts;
}
