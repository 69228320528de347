import { pageTransition, type Page } from '../../domain/escalation/page.js';
import { enqueue } from '../../jobs/queue.js';
import type { Executor } from '../../store/database.js';
import { getPageForUpdate, listNotifications, updatePageStatus } from '../../store/repositories/pages.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import type { PageView } from './page-view.js';
import { findPageByRef, readPageView } from './read-pages.js';
import { appendPageEvent } from './record-level.js';
import { slackDeliveries } from './slack-deliveries.js';
import { notifiedWebhooks } from './webhook-update.js';

/** `alert`: the alerts the page was made for were acknowledged or all resolved. */
export type PageActionVia = 'slack' | 'web' | 'api' | 'cli' | 'alert';

/**
 * Acknowledges or resolves a page in one transaction. Escalation stops with it: the page
 * leaves `triggered`, so its pending escalation timer finds nothing to do. Webhooks the page
 * notified are told, and its Slack direct messages are brought up to date. Doing it again
 * answers the page unchanged.
 */
export async function changePageStatus(
  deps: Deps,
  principal: Principal,
  pageRef: string,
  to: 'acknowledged' | 'resolved',
  via: PageActionVia,
): Promise<PageView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const { id } = await findPageByRef(tx, pageRef);
    return readPageView(tx, await changePageStatusInTx(tx, deps, principal, id, to, via, deps.clock.now()));
  });
}

/** `changePageStatus` inside the caller's transaction (an alert's acknowledgement or resolution moves its page). */
export async function changePageStatusInTx(
  tx: Executor,
  deps: Deps,
  principal: Principal,
  pageId: string,
  to: 'acknowledged' | 'resolved',
  via: PageActionVia,
  now: Date,
): Promise<Page> {
  authorize(principal, 'responder');
  const page = await getPageForUpdate(tx, pageId);
  if (pageTransition(page.status, to) === 'unchanged') return page;
  const at = now.toISOString();
  const changed: Page =
    to === 'acknowledged'
      ? { ...page, status: to, acknowledgedBy: principal.actor, acknowledgedAt: at, nextEscalationAt: null, updatedAt: at }
      : { ...page, status: to, resolvedBy: principal.actor, resolvedAt: at, nextEscalationAt: null, updatedAt: at };
  await updatePageStatus(tx, changed);
  const verb = to === 'acknowledged' ? 'Acknowledged' : 'Resolved';
  await appendPageEvent(tx, page, { kind: to, level: page.level, cycle: page.cycle, actor: principal.actor, text: `${verb} by ${principal.actor.name} (${VIA[via]}).` }, now);
  const notifications = await listNotifications(tx, [page.id]);
  for (const webhook of notifiedWebhooks(notifications)) {
    await enqueue(tx, 'paging.updateWebhook', { pageId: page.id, webhook, status: to }, { key: `page-webhook:${page.id}:${to}:${webhook}` }, now);
  }
  // Every direct message of the page shows who acted, and loses the buttons that no longer apply.
  if (slackDeliveries(notifications).length) {
    await enqueue(tx, 'paging.refreshSlackMessages', { pageId: page.id }, { key: `page-slack-refresh:${page.id}:${to}` }, now);
  }
  return changed;
}

const VIA: Record<PageActionVia, string> = { slack: 'Slack', web: 'web app', api: 'API', cli: 'command line', alert: 'its alerts' };
