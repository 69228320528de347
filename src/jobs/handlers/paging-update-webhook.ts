import type { Deps } from '../../usecases/deps.js';
import { prepareWebhookUpdate } from '../../usecases/paging/webhook-update.js';
import type { JobHandler } from '../handler.js';
import { postPageWebhook } from './page-webhook.js';

/** `paging.updateWebhook`: a webhook the page notified hears that it was acknowledged or resolved. */
export interface PagingUpdateWebhookPayload {
  pageId: string;
  webhook: string;
  status: 'acknowledged' | 'resolved';
}

export function pagingUpdateWebhook(deps: Deps): JobHandler<PagingUpdateWebhookPayload> {
  return async (payload, ctx) => {
    const update = await prepareWebhookUpdate(deps, payload);
    if (!update) {
      ctx.logger?.info({ pageId: payload.pageId, webhook: payload.webhook }, 'page webhook update not sent: the page or the webhook is gone');
      return;
    }
    await postPageWebhook(payload.webhook, update, update.body);
  };
}
