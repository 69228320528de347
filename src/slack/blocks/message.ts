import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;

/** A message as Hikeshi posts it: `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  text: string;
  blocks?: Block[];
}
