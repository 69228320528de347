import { personDeliveries, type Delivery } from '../../domain/escalation/channels.js';
import type { Page, PageEvent } from '../../domain/escalation/page.js';
import type { NotifyStep } from '../../domain/escalation/plan.js';
import type { Recipient, Resolution } from '../../domain/escalation/recipients.js';
import type { Actor } from '../../domain/incidents/timeline.js';
import { newId } from '../../ids.js';
import { enqueue } from '../../jobs/queue.js';
import type { Executor } from '../../store/database.js';
import { insertNotificationOnce, insertPageEvent } from '../../store/repositories/pages.js';
import type { Deps } from '../deps.js';

const CHANNEL_NAMES = { slack: 'Slack', email: 'e-mail', webhook: 'webhook' } as const;

/**
 * Records that a level fires, in the caller's transaction: one notification row per
 * recipient and channel (the unique key drops one that exists) with its `paging.notify` job,
 * the level's timeline event, and the `paging.escalate` timer for when nobody acknowledges.
 */
export async function recordLevel(
  tx: Executor,
  deps: Deps,
  page: Page,
  step: NotifyStep,
  resolution: Resolution,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const available = { slack: deps.integrations?.slack === true, email: deps.integrations?.email === true };
  const reached: string[] = [];
  for (const recipient of resolution.recipients) {
    const deliveries: Delivery[] = recipient.type === 'user' ? personDeliveries(recipient.person, available) : [{ channel: 'webhook', error: null }];
    const sent: string[] = [];
    for (const delivery of deliveries) {
      const id = newId(now.getTime());
      const inserted = await insertNotificationOnce(tx, {
        id,
        pageId: page.id,
        cycle: step.cycle,
        level: step.level,
        ...recipientColumns(recipient),
        channel: delivery.channel,
        status: delivery.error === null ? 'pending' : 'failed',
        error: delivery.error,
        createdAt: at,
      });
      if (!inserted) continue;
      if (delivery.error === null) {
        await enqueue(
          tx,
          'paging.notify',
          { notificationId: id },
          { key: `page-notify:${id}` },
          now,
        );
        sent.push(CHANNEL_NAMES[delivery.channel]);
      } else sent.push(`${CHANNEL_NAMES[delivery.channel]} failed: ${delivery.error}`);
    }
    if (sent.length) reached.push(`${recipientColumns(recipient).recipientName} (${sent.join(', ')})`);
  }
  const who = reached.length ? reached.join('; ') : 'no one';
  const text = [`Level ${step.level}${step.cycle ? ` (repeat ${step.cycle})` : ''}: notified ${who}.`, ...resolution.problems].join(' ');
  await appendPageEvent(tx, page, { kind: 'notified', level: step.level, cycle: step.cycle, actor: null, text }, now);
  if (step.nextEscalationAt) {
    await enqueue(
      tx,
      'paging.escalate',
      { pageId: page.id, cycle: step.cycle, level: step.level },
      { key: `page-escalate:${page.id}:${step.cycle}:${step.level}`, runAt: step.nextEscalationAt },
      now,
    );
  }
}

export async function appendPageEvent(
  tx: Executor,
  page: Pick<Page, 'id'>,
  event: Pick<PageEvent, 'kind' | 'level' | 'cycle' | 'text'> & { actor: Actor | null },
  now: Date,
): Promise<void> {
  await insertPageEvent(tx, { id: newId(now.getTime()), pageId: page.id, at: now.toISOString(), ...event });
}

function recipientColumns(recipient: Recipient) {
  return recipient.type === 'user'
    ? { recipientType: 'user' as const, recipientId: recipient.person.id, recipientName: recipient.person.name }
    : { recipientType: 'webhook' as const, recipientId: recipient.name, recipientName: recipient.name };
}
