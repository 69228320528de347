import type { Selectable } from 'kysely';
import type { Actor } from '../../domain/incidents/timeline.js';
import type { Page, PageEvent, PageEventKind, PageSource } from '../../domain/escalation/page.js';
import type { EscalationPlan } from '../../domain/escalation/plan.js';
import { NotFoundError } from '../../errors.js';
import { supportsRowLocks, type Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { PageEventsTable, PageNotificationsTable, PagesTable } from '../schema.js';

export type PageNotification = {
  id: string;
  pageId: string;
  cycle: number;
  level: number;
  recipientType: 'user' | 'webhook';
  recipientId: string;
  recipientName: string;
  channel: 'slack' | 'email' | 'webhook';
  status: 'pending' | 'sent' | 'failed';
  error: string | null;
  deliveryRef: string | null;
  createdAt: string;
  sentAt: string | null;
};

/** `requestKey`: the caller's retry key; a second page with it violates the unique index. */
export async function insertPage(tx: Executor, page: Page, requestKey: string | null): Promise<void> {
  await tx.insertInto('pages').values({ ...toRow(page), request_key: requestKey }).execute();
}

export async function findPageByRequestKey(tx: Executor, requestKey: string): Promise<Page | undefined> {
  const row = await tx.selectFrom('pages').selectAll().where('request_key', '=', requestKey).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** The page, locked until the transaction ends (Postgres; SQLite serialises writers). */
export async function getPageForUpdate(tx: Executor, id: string): Promise<Page> {
  let query = tx.selectFrom('pages').selectAll().where('id', '=', id);
  if (supportsRowLocks(tx)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('page', id);
  return fromRow(row);
}

export async function findPage(tx: Executor, key: { id: string } | { number: number }): Promise<Page | undefined> {
  const query = tx.selectFrom('pages').selectAll();
  const row = await ('id' in key ? query.where('id', '=', key.id) : query.where('number', '=', key.number)).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/**
 * Moves escalation on only if the page is still triggered at `from` (compare-and-set):
 * false when someone acknowledged or resolved it, or another runner already moved it.
 */
export async function advancePage(
  tx: Executor,
  id: string,
  from: { level: number; cycle: number },
  to: { level: number; cycle: number; nextEscalationAt: string | null; updatedAt: string },
): Promise<boolean> {
  const result = await tx
    .updateTable('pages')
    .set({ level: to.level, cycle: to.cycle, next_escalation_at: to.nextEscalationAt, updated_at: to.updatedAt })
    .where('id', '=', id)
    .where('status', '=', 'triggered')
    .where('level', '=', from.level)
    .where('cycle', '=', from.cycle)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updatePageStatus(tx: Executor, page: Page): Promise<void> {
  await tx
    .updateTable('pages')
    .set({
      status: page.status,
      next_escalation_at: page.nextEscalationAt,
      acknowledged_by: page.acknowledgedBy ? encodeJson(page.acknowledgedBy) : null,
      acknowledged_at: page.acknowledgedAt,
      resolved_by: page.resolvedBy ? encodeJson(page.resolvedBy) : null,
      resolved_at: page.resolvedAt,
      updated_at: page.updatedAt,
    })
    .where('id', '=', page.id)
    .execute();
}

export async function countOpenPagesForPolicy(tx: Executor, policyId: string): Promise<number> {
  const row = await tx
    .selectFrom('pages')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('escalation_policy_id', '=', policyId)
    .where('status', '<>', 'resolved')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface PageFilter {
  statuses?: readonly Page['status'][];
  /** Only pages that notified this user (any level, any channel). */
  notifiedUserId?: string;
  /** Continue after this number (newest first). */
  beforeNumber?: number;
  limit: number;
}

export async function listPages(tx: Executor, filter: PageFilter): Promise<Page[]> {
  let query = tx.selectFrom('pages').selectAll();
  if (filter.statuses?.length) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.beforeNumber !== undefined) query = query.where('number', '<', filter.beforeNumber);
  if (filter.notifiedUserId !== undefined) {
    const userId = filter.notifiedUserId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('page_notifications')
          .select('page_notifications.id')
          .whereRef('page_notifications.page_id', '=', 'pages.id')
          .where('page_notifications.recipient_type', '=', 'user')
          .where('page_notifications.recipient_id', '=', userId),
      ),
    );
  }
  const rows = await query.orderBy('number', 'desc').limit(filter.limit).execute();
  return rows.map(fromRow);
}

export type NewNotification = Omit<PageNotification, 'sentAt' | 'deliveryRef'>;

/**
 * Adds the notification unless one exists for the same page, cycle, level, recipient and
 * channel (the unique key): true when this call inserted it.
 */
export async function insertNotificationOnce(tx: Executor, n: NewNotification): Promise<boolean> {
  const inserted = await tx
    .insertInto('page_notifications')
    .values({
      id: n.id,
      page_id: n.pageId,
      cycle: n.cycle,
      level: n.level,
      recipient_type: n.recipientType,
      recipient_id: n.recipientId,
      recipient_name: n.recipientName,
      channel: n.channel,
      status: n.status,
      error: n.error,
      delivery_ref: null,
      created_at: n.createdAt,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['page_id', 'cycle', 'level', 'recipient_type', 'recipient_id', 'channel']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findNotification(tx: Executor, id: string): Promise<PageNotification | undefined> {
  const row = await tx.selectFrom('page_notifications').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? notificationFromRow(row) : undefined;
}

/** Records the outcome of a pending notification; false when it was already recorded. */
export async function finishNotification(
  tx: Executor,
  id: string,
  outcome: { status: 'sent'; at: string; deliveryRef: string | null } | { status: 'failed'; error: string },
): Promise<boolean> {
  const result = await tx
    .updateTable('page_notifications')
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', sent_at: outcome.at, delivery_ref: outcome.deliveryRef, error: null }
        : { status: 'failed', error: outcome.error },
    )
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listNotifications(tx: Executor, pageIds: readonly string[]): Promise<PageNotification[]> {
  if (!pageIds.length) return [];
  const rows = await tx.selectFrom('page_notifications').selectAll().where('page_id', 'in', [...pageIds]).orderBy('id').execute();
  return rows.map(notificationFromRow);
}

export async function insertPageEvent(tx: Executor, event: PageEvent): Promise<void> {
  await tx
    .insertInto('page_events')
    .values({
      id: event.id,
      page_id: event.pageId,
      at: event.at,
      kind: event.kind,
      level: event.level,
      cycle: event.cycle,
      actor: event.actor ? encodeJson(event.actor) : null,
      text: event.text,
    })
    .execute();
}

export async function listPageEvents(tx: Executor, pageId: string): Promise<PageEvent[]> {
  const rows = await tx.selectFrom('page_events').selectAll().where('page_id', '=', pageId).orderBy('id').execute();
  return rows.map(eventFromRow);
}

function toRow(page: Page) {
  return {
    id: page.id,
    number: page.number,
    message: page.message,
    details: page.details,
    status: page.status,
    escalation_policy_id: page.target.type === 'policy' ? page.target.id : null,
    target_type: page.target.type,
    target_id: page.target.id,
    target_name: page.target.name,
    plan: encodeJson(page.plan),
    level: page.level,
    cycle: page.cycle,
    next_escalation_at: page.nextEscalationAt,
    incident_id: page.incidentId,
    source: page.source,
    created_by: encodeJson(page.createdBy),
    created_at: page.createdAt,
    acknowledged_by: page.acknowledgedBy ? encodeJson(page.acknowledgedBy) : null,
    acknowledged_at: page.acknowledgedAt,
    resolved_by: page.resolvedBy ? encodeJson(page.resolvedBy) : null,
    resolved_at: page.resolvedAt,
    updated_at: page.updatedAt,
  };
}

function fromRow(row: Selectable<PagesTable>): Page {
  return {
    id: row.id,
    number: Number(row.number),
    message: row.message,
    details: row.details,
    status: row.status,
    target: { type: row.target_type, id: row.target_id, name: row.target_name },
    plan: decodeJson<EscalationPlan>(row.plan),
    level: Number(row.level),
    cycle: Number(row.cycle),
    nextEscalationAt: row.next_escalation_at,
    incidentId: row.incident_id,
    source: row.source as PageSource,
    createdBy: decodeJson<Actor>(row.created_by),
    createdAt: row.created_at,
    acknowledgedBy: row.acknowledged_by === null ? null : decodeJson<Actor>(row.acknowledged_by),
    acknowledgedAt: row.acknowledged_at,
    resolvedBy: row.resolved_by === null ? null : decodeJson<Actor>(row.resolved_by),
    resolvedAt: row.resolved_at,
    updatedAt: row.updated_at,
  };
}

function notificationFromRow(row: Selectable<PageNotificationsTable>): PageNotification {
  return {
    id: row.id,
    pageId: row.page_id,
    cycle: Number(row.cycle),
    level: Number(row.level),
    recipientType: row.recipient_type,
    recipientId: row.recipient_id,
    recipientName: row.recipient_name,
    channel: row.channel,
    status: row.status,
    error: row.error,
    deliveryRef: row.delivery_ref,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

function eventFromRow(row: Selectable<PageEventsTable>): PageEvent {
  return {
    id: row.id,
    pageId: row.page_id,
    at: row.at,
    kind: row.kind as PageEventKind,
    level: Number(row.level),
    cycle: Number(row.cycle),
    actor: row.actor === null ? null : decodeJson<Actor>(row.actor),
    text: row.text,
  };
}
