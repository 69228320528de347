import { incidentReference } from '../../domain/incidents/incident.js';
import { NotFoundError } from '../../errors.js';
import { findNotification, finishNotification, findPage, listNotifications, type PageNotification } from '../../store/repositories/pages.js';
import { listUsersByIds } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import { findIncident } from '../incidents/find-incident.js';
import type { PageNotice } from './page-notice.js';
import { pageView, type PageView } from './page-view.js';

/** The body of a page's signed webhook POST. */
export interface PageWebhookBody {
  type: 'page.triggered' | 'page.escalated';
  page: PageView;
  level: number;
  cycle: number;
  deliveryId: string;
}

export type DeliveryTask =
  | { kind: 'nothing'; reason: string }
  | { kind: 'send'; channel: 'slack'; notice: PageNotice }
  | { kind: 'send'; channel: 'email'; notice: PageNotice }
  | { kind: 'send'; channel: 'webhook'; notice: PageNotice; webhook: { name: string; url: string; secretEnv: string }; body: PageWebhookBody };

/**
 * What the `paging.notify` job has to send for one notification, or why nothing: it was
 * already sent or failed (a retry after the outcome was recorded), or the page was
 * acknowledged or resolved before it went out (recorded as not sent).
 */
export async function prepareDelivery(deps: Deps, notificationId: string): Promise<DeliveryTask> {
  const notification = await findNotification(deps.db, notificationId);
  if (!notification) return { kind: 'nothing', reason: 'the notification is gone (its page was deleted)' };
  if (notification.status !== 'pending') return { kind: 'nothing', reason: `the notification is already ${notification.status}` };
  const page = await findPage(deps.db, { id: notification.pageId });
  if (!page) return { kind: 'nothing', reason: 'the page is gone' };
  if (page.status !== 'triggered') {
    await recordDelivery(deps, notificationId, { status: 'failed', error: `Not sent: the page was ${page.status} before it went out.` });
    return { kind: 'nothing', reason: `the page was ${page.status} before delivery` };
  }
  const notice = await buildNotice(deps, notification, page);
  if (notification.channel === 'slack') return { kind: 'send', channel: 'slack', notice };
  if (notification.channel === 'email') return { kind: 'send', channel: 'email', notice };
  const config = deps.settings.paging.webhooks[notification.recipientId];
  if (!config) {
    await recordDelivery(deps, notificationId, { status: 'failed', error: `The webhook "${notification.recipientId}" is no longer in the settings file.` });
    return { kind: 'nothing', reason: 'the webhook is no longer configured' };
  }
  const view = pageView(page, await listNotifications(deps.db, [page.id]));
  const type = notification.level === 1 && notification.cycle === 0 ? 'page.triggered' : 'page.escalated';
  return {
    kind: 'send',
    channel: 'webhook',
    notice,
    webhook: { name: notification.recipientId, ...config },
    body: { type, page: view, level: notification.level, cycle: notification.cycle, deliveryId: notification.id },
  };
}

export type DeliveryOutcome = { status: 'sent'; deliveryRef: string | null } | { status: 'failed'; error: string };

/** Marks a pending notification sent or failed; a second outcome for it is ignored. */
export async function recordDelivery(deps: Deps, notificationId: string, outcome: DeliveryOutcome): Promise<boolean> {
  const at = deps.clock.now().toISOString();
  return finishNotification(deps.db, notificationId, outcome.status === 'sent' ? { ...outcome, at } : outcome);
}

async function buildNotice(deps: Deps, notification: PageNotification, page: NonNullable<Awaited<ReturnType<typeof findPage>>>): Promise<PageNotice> {
  const [user] = notification.recipientType === 'user' ? await listUsersByIds(deps.db, [notification.recipientId]) : [];
  if (notification.recipientType === 'user' && !user) throw new NotFoundError('user', notification.recipientId);
  const incident = page.incidentId ? await findIncident(deps.db, page.incidentId) : undefined;
  const base = (deps.settings.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
  return {
    notificationId: notification.id,
    pageId: page.id,
    pageNumber: page.number,
    message: page.message,
    details: page.details,
    level: notification.level,
    cycle: notification.cycle,
    policyName: page.target.type === 'policy' ? page.target.name : null,
    status: page.status,
    incident: incident ? { id: incident.id, reference: incidentReference(incident.number), title: incident.title } : null,
    pageUrl: `${base}/pages/${page.id}`,
    createdAt: page.createdAt,
    createdByName: page.createdBy.name,
    recipient: user ? { userId: user.id, name: user.name, email: user.email, slackUserId: user.slackUserId } : null,
  };
}

/** Where `hikeshi serve` listens by default, for links when neither publicUrl nor HIKESHI_PUBLIC_URL is set. */
const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:3000';
