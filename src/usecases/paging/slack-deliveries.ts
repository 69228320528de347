import type { PageNotification } from '../../store/repositories/pages.js';
import { listNotifications } from '../../store/repositories/pages.js';
import type { Deps } from '../deps.js';

export interface SlackDelivery {
  channel: string;
  ts: string;
}

/** Where a page's direct messages were sent (Slack `channel:ts`), so they can show its state. */
export async function slackDeliveriesOf(deps: Deps, pageId: string): Promise<SlackDelivery[]> {
  return slackDeliveries(await listNotifications(deps.db, [pageId]));
}

export function slackDeliveries(notifications: readonly PageNotification[]): SlackDelivery[] {
  return notifications.flatMap((n) => {
    const [channel, ts] = n.channel === 'slack' && n.status === 'sent' && n.deliveryRef ? n.deliveryRef.split(':') : [];
    return channel && ts ? [{ channel, ts }] : [];
  });
}
