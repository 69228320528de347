import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';

/**
 * Tells the person who clicked, and only them, why it did not work. Sent after the ack
 * (a block action's response body is not shown): in the channel as an ephemeral message,
 * or through the response URL where there is no channel.
 */
export async function answerPrivately(
  client: WebClient,
  where: { channelId: string | undefined; userId: string; respond: RespondFn | undefined },
  text: string,
  logger: Logger | undefined,
): Promise<void> {
  try {
    if (where.channelId) {
      await client.chat.postEphemeral({ channel: where.channelId, user: where.userId, text });
    } else if (where.respond) {
      await where.respond({ response_type: 'ephemeral', replace_original: false, text });
    }
  } catch (error) {
    logger?.warn({ err: error }, 'could not answer a Slack interaction ephemerally');
  }
}
