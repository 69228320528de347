import { findPage, listNotifications } from '../../store/repositories/pages.js';
import type { Deps } from '../deps.js';
import { pageView, type PageView } from './page-view.js';

/** The body of the signed POST telling a paged webhook that the page was acknowledged or resolved. */
export interface PageWebhookUpdate {
  type: 'page.acknowledged' | 'page.resolved';
  page: PageView;
  level: number;
  cycle: number;
  deliveryId: string;
}

/** Which webhooks a page notified: they hear of its acknowledgement and resolution too. */
export function notifiedWebhooks(notifications: readonly { recipientType: string; recipientId: string }[]): string[] {
  return [...new Set(notifications.filter((n) => n.recipientType === 'webhook').map((n) => n.recipientId))];
}

/** What to POST to `webhook` about the page reaching `status`; null when the page or the webhook is gone. */
export async function prepareWebhookUpdate(
  deps: Deps,
  update: { pageId: string; webhook: string; status: 'acknowledged' | 'resolved' },
): Promise<{ url: string; secretEnv: string; body: PageWebhookUpdate } | null> {
  const config = deps.settings.paging.webhooks[update.webhook];
  const page = await findPage(deps.db, { id: update.pageId });
  if (!config || !page) return null;
  const view = pageView(page, await listNotifications(deps.db, [page.id]));
  return {
    ...config,
    body: { type: `page.${update.status}`, page: view, level: page.level, cycle: page.cycle, deliveryId: `${page.id}:${update.status}:${update.webhook}` },
  };
}
