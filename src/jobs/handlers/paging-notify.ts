import type { Mailer } from '../../notify/email.js';
import { pageEmail } from '../../notify/page-email.js';
import { sendPageDm } from '../../slack/paging/page-dm.js';
import type { SlackRuntime } from '../../slack/runtime.js';
import { prepareDelivery, recordDelivery, type DeliveryTask } from '../../usecases/paging/deliver-notification.js';
import { describeJobError, PermanentError } from '../errors.js';
import type { JobContext, JobHandler } from '../handler.js';
import type { JobDeps } from '../kinds.js';
import { postPageWebhook } from './page-webhook.js';

/** `paging.notify`: one page notification (a row of `page_notifications`) sent on its channel. */
export interface PagingNotifyPayload {
  notificationId: string;
}

/**
 * Sends, then marks the row sent; a failure that no retry can fix (or the last attempt)
 * marks it failed with the reason, for the page's record. A retry after a send that was not
 * marked does not send twice where the channel allows it: the Slack DM looks for its own
 * message first, and a webhook carries the same delivery id for the receiver to drop.
 */
export function pagingNotify({ deps, slack, mailer }: JobDeps): JobHandler<PagingNotifyPayload> {
  return async ({ notificationId }, ctx) => {
    const task = await prepareDelivery(deps, notificationId);
    if (task.kind === 'nothing') {
      ctx.logger?.info({ notificationId }, `page notification not sent: ${task.reason}`);
      return;
    }
    let deliveryRef: string | null;
    try {
      deliveryRef = await send(task, ctx, { slack, mailer });
    } catch (error) {
      if (error instanceof PermanentError || ctx.attempt >= ctx.maxAttempts) {
        await recordDelivery(deps, notificationId, { status: 'failed', error: describeJobError(error) });
      }
      throw error;
    }
    await recordDelivery(deps, notificationId, { status: 'sent', deliveryRef });
  };
}

/** Sends on the task's channel; resolves to what identifies the delivery (Slack `channel:ts`, e-mail Message-ID). */
async function send(
  task: Extract<DeliveryTask, { kind: 'send' }>,
  ctx: JobContext,
  senders: { slack: SlackRuntime | undefined; mailer: Mailer | undefined },
): Promise<string | null> {
  if (task.channel === 'slack') {
    if (!senders.slack) throw new PermanentError('Slack is not configured');
    const { channel, ts } = await sendPageDm(senders.slack, task.notice, { lookBack: ctx.attempt > 1 });
    return `${channel}:${ts}`;
  }
  if (task.channel === 'email') {
    if (!senders.mailer) throw new PermanentError('E-mail is not configured (HIKESHI_SMTP_URL)');
    const to = task.notice.recipient?.email;
    if (!to) throw new PermanentError(`${task.notice.recipient?.name ?? 'The recipient'} has no e-mail address`);
    return (await senders.mailer.send({ to, ...pageEmail(task.notice) })).messageId;
  }
  await postPageWebhook(task.webhook.name, task.webhook, task.body);
  return null;
}
