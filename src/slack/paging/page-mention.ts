import type { WebClient } from '@slack/web-api';
import { HikeshiError } from '../../errors.js';
import type { Deps } from '../../usecases/deps.js';
import type { Principal } from '../../usecases/principal.js';
import { pageOncall } from '../../usecases/slack-inbound/page-oncall.js';
import { findMarked, replyOnce } from '../oncall/post-in-thread.js';
import { explainError } from '../receiver/explain-error.js';
import { pageLink, pagedText } from './paged-text.js';

export interface PageMention {
  channelId: string;
  /** The mentioning message: names the answer, so one message pages once. */
  ts: string;
  threadTs: string;
  /** What is wrong, after `oncall page`, Slack markup already turned into words. */
  request: string;
}

/**
 * `@Hikeshi oncall page [policy or schedule] <message>`, run by the `slack.answerOncall` job:
 * triggers the page and answers in the thread who is being notified, or what is wrong. A
 * rerun after the answer was posted finds it and pages no second time.
 */
export async function answerPageMention(
  deps: Deps,
  client: WebClient,
  mention: PageMention,
  principal: Principal,
  rerun: boolean,
): Promise<void> {
  const place = { channel: mention.channelId, threadTs: mention.threadTs, key: `oncall-page:${mention.ts}` };
  if (rerun && (await findMarked(client, place))) return;
  let text: string;
  try {
    const { page, target } = await pageOncall(deps, mention.request, principal, { requestKey: `slack:${mention.channelId}:${mention.ts}` });
    text = pagedText(page, target, pageLink(deps.settings.publicUrl, page.id));
  } catch (error) {
    // A refusal (no such policy, no message, a viewer) is answered where it was asked.
    if (!(error instanceof HikeshiError)) throw error;
    text = explainError(error, deps.logger);
  }
  await replyOnce(client, { ...place, text }, false);
}
