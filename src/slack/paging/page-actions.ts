import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Logger } from 'pino';
import { ConflictError } from '../../errors.js';
import type { Deps } from '../../usecases/deps.js';
import { acknowledgePage } from '../../usecases/paging/acknowledge-page.js';
import type { PageView } from '../../usecases/paging/page-view.js';
import { getPage } from '../../usecases/paging/read-pages.js';
import { resolvePage } from '../../usecases/paging/resolve-page.js';
import type { Principal } from '../../usecases/principal.js';
import { ACTION } from '../action-ids.js';
import { callSlack } from '../client.js';
import { answerPrivately } from '../interactions/answer-person.js';
import { explainError } from '../receiver/explain-error.js';
import type { SlackInbound } from '../receiver/slack-app.js';
import { ACK_PROFILE_DEADLINE_MS, slackPrincipal } from '../receiver/slack-person.js';
import { contentState, pageContent } from './page-content.js';
import { pageMessage, stateLine } from './page-message.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type Outcome = 'acknowledged' | 'resolved';

/**
 * The Acknowledge and Resolve buttons of a page's direct message (the button's value is the
 * page id). One click acts, as the Slack user who clicked, and the message is replaced by the
 * page's new state ("Acknowledged by Mia at 14:02"). A second click, or a click on an older
 * message after someone else acted, changes nothing: the message shows the current state and
 * the clicker is told who did it.
 */
export function registerPageActions(app: App, inbound: SlackInbound): void {
  app.action<BlockAction<ButtonAction>>(ACTION.acknowledgePage, pageButton(inbound, 'acknowledged'));
  app.action<BlockAction<ButtonAction>>(ACTION.resolvePage, pageButton(inbound, 'resolved'));
}

function pageButton({ deps, logger }: SlackInbound, outcome: Outcome) {
  return async ({ body, action, ack, client, respond }: ButtonArgs): Promise<void> => {
    let result: { page: PageView; note: string | undefined; principal: Principal } | undefined;
    let refusal: string | undefined;
    try {
      const principal = await slackPrincipal(deps, client, body.user.id, { deadlineMs: ACK_PROFILE_DEADLINE_MS });
      result = { ...(await act(deps, principal, action.value ?? '', outcome)), principal };
    } catch (error) {
      refusal = explainError(error, logger);
    }
    await ack();
    const where = { channelId: body.channel?.id, userId: body.user.id, respond };
    if (result) {
      await replaceMessage(deps, result.principal, client, body, result.page, logger);
      if (result.note) await answerPrivately(client, where, result.note, logger);
    }
    if (refusal) await answerPrivately(client, where, refusal, logger);
  };
}

/** Acts unless the page is already there; a note tells the clicker when someone else got there first. */
async function act(deps: Deps, principal: Principal, pageId: string, outcome: Outcome): Promise<{ page: PageView; note: string | undefined }> {
  const before = await getPage(deps, principal, pageId);
  if (reached(before, outcome)) return { page: before, note: alreadyNote(before) };
  try {
    const change = outcome === 'acknowledged' ? acknowledgePage : resolvePage;
    const after = await change(deps, principal, before.id, 'slack');
    const by = outcome === 'acknowledged' ? after.acknowledgedBy : after.resolvedBy;
    const mine = by?.type === principal.actor.type && by.id === principal.actor.id;
    return { page: after, note: mine ? undefined : alreadyNote(after) };
  } catch (error) {
    // Resolved by someone else between the read and the click's transaction.
    if (!(error instanceof ConflictError)) throw error;
    const now = await getPage(deps, principal, pageId);
    return { page: now, note: alreadyNote(now) };
  }
}

function reached(page: PageView, outcome: Outcome): boolean {
  return outcome === 'acknowledged' ? page.status !== 'triggered' : page.status === 'resolved';
}

function alreadyNote(page: PageView): string {
  const state = stateLine(contentState(page)) ?? `is ${page.status}`;
  return `:information_source: Page #${page.number} was already handled: ${state}. Nothing changed.`;
}

/** Replaces the clicked direct message with the page as it is now. */
async function replaceMessage(
  deps: Deps,
  principal: Principal,
  client: ButtonArgs['client'],
  body: BlockAction<ButtonAction>,
  page: PageView,
  logger: Logger | undefined,
): Promise<void> {
  const channel = body.channel?.id ?? body.container.channel_id;
  const ts = body.message?.ts ?? body.container.message_ts;
  if (!channel || !ts) return;
  try {
    const message = pageMessage(await pageContent(deps, principal, page));
    await callSlack('chat.update', () => client.chat.update({ channel, ts, ...message }));
  } catch (error) {
    logger?.warn({ err: error, pageId: page.id }, 'could not update the direct message of a page');
  }
}
