import type { Deps } from '../../usecases/deps.js';
import { findSlackPrincipal } from '../../usecases/slack-inbound/slack-people.js';

/** People a question mentions are quoted by name; past this many, by Slack id. */
const NAMED_MENTIONS = 10;

/** Names Hikeshi already knows for Slack user ids, to quote a question without mentioning anyone. */
export async function knownNames(deps: Deps, slackUserIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of slackUserIds.slice(0, NAMED_MENTIONS)) {
    const known = await findSlackPrincipal(deps, id);
    if (known) names.set(id, known.actor.name);
  }
  return names;
}
