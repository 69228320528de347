import { ForbiddenError } from '../../errors.js';
import { PermanentError } from '../../jobs/errors.js';
import type { JobHandler } from '../../jobs/handler.js';
import type { JobDeps } from '../../jobs/kinds.js';
import { findOncall } from '../../usecases/slack-inbound/oncall-mention.js';
import { SlackApiError } from '../client.js';
import { answerPageMention } from '../paging/page-mention.js';
import { slackPrincipal } from '../receiver/slack-person.js';
import { appIdentity } from './app-identity.js';
import { knownNames } from './known-names.js';
import { oncallAnswerText } from './answer-text.js';
import { pageRequest, parseOncallMention } from './parse-mention.js';
import { replyOnce } from './post-in-thread.js';
import { mentionedUsers, plainText } from './slack-text.js';

/**
 * `slack.answerOncall`: the app was mentioned in a channel. When the message asks for the
 * on-call, the answer goes in its thread: who asked and what, and a mention of each person on
 * call at the moment of the mention (guests included). `oncall page <message>` pages instead
 * (src/slack/paging/page-mention.ts).
 */
export interface AnswerOncallPayload {
  channelId: string;
  /** The mentioning message. */
  ts: string;
  /** Where to answer: the message's thread (its own ts when it is not a reply). */
  threadTs: string;
  askerSlackUserId: string;
  text: string;
  /** When it was asked (ISO 8601): a retry answers for the same instant. */
  at: string;
}

export function answerOncallHandler({ deps, slack }: JobDeps): JobHandler<AnswerOncallPayload> {
  return async (payload, ctx) => {
    if (!slack) throw new PermanentError('Slack is not configured');
    const token = await slack.credentials.botToken();
    if (!token) throw new PermanentError('Slack has no bot token (the app is not installed)');
    const client = slack.client(token);
    const app = await appIdentity(slack, client, token, ctx.now.getTime());
    const ask = parseOncallMention(payload.text, app);
    if (!ask) return;
    const names = await knownNames(deps, mentionedUsers(ask.text));
    let principal;
    try {
      principal = await slackPrincipal(deps, client, payload.askerSlackUserId);
    } catch (error) {
      // A deactivated account (or a bot) asked: there is no one to answer.
      if (error instanceof ForbiddenError) {
        ctx.logger?.info({ code: error.code }, 'on-call mention not answered: the asker cannot act in Hikeshi');
        return;
      }
      throw error;
    }
    const page = ask.mayName ? pageRequest(plainText(ask.text, names)) : undefined;
    if (page !== undefined) {
      const mention = { channelId: payload.channelId, ts: payload.ts, threadTs: payload.threadTs, request: page };
      await inThread(() => answerPageMention(deps, client, mention, principal, ctx.attempt > 1));
      return;
    }
    const lookup = await findOncall(deps, { text: plainText(ask.text, names), mayName: ask.mayName, at: payload.at }, principal);
    const text = oncallAnswerText(lookup, { askerSlackUserId: payload.askerSlackUserId, askWith: `@${app.handle || 'hikeshi'} oncall` });
    await inThread(() => replyOnce(client, { channel: payload.channelId, threadTs: payload.threadTs, text, key: `oncall:${payload.ts}` }, ctx.attempt > 1));
  };
}

async function inThread(answer: () => Promise<unknown>): Promise<void> {
  try {
    await answer();
  } catch (error) {
    // Slack refuses this thread (archived, gone, not allowed): asking again will not change that.
    if (error instanceof SlackApiError) throw new PermanentError(error.message, { cause: error });
    throw error;
  }
}
