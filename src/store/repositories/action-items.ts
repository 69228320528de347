import { sql, type Selectable } from 'kysely';
import type { ActionItem, ActionItemStatus } from '../../domain/postmortems/types.js';
import { NotFoundError } from '../../errors.js';
import { supportsRowLocks, type Executor } from '../database.js';
import type { ActionItemsTable } from '../schema.js';

type ActionItemRow = Selectable<ActionItemsTable>;

export async function insertActionItem(tx: Executor, item: ActionItem, at: Date): Promise<void> {
  const now = at.toISOString();
  await tx.insertInto('action_items').values({ ...toRow(item), created_at: now, updated_at: now }).execute();
}

export async function updateActionItem(tx: Executor, item: ActionItem, at: Date): Promise<void> {
  await tx.updateTable('action_items').set({ ...toRow(item), updated_at: at.toISOString() }).where('id', '=', item.id).execute();
}

export async function deleteActionItem(tx: Executor, id: string): Promise<void> {
  await tx.deleteFrom('action_items').where('id', '=', id).execute();
}

/** Reads an action item and, on Postgres, locks its row until the transaction ends. */
export async function getActionItemForUpdate(tx: Executor, id: string): Promise<ActionItem> {
  let query = tx.selectFrom('action_items').selectAll().where('id', '=', id);
  if (supportsRowLocks(tx)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('action item', id);
  return fromRow(row);
}

/** An incident's action items, oldest first. */
export async function listActionItems(tx: Executor, incidentId: string): Promise<ActionItem[]> {
  const rows = await tx.selectFrom('action_items').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
  return rows.map(fromRow);
}

/** An open follow-up with the incident it belongs to. */
export interface OpenActionItem {
  item: ActionItem;
  incident: { id: string; number: number; title: string };
}

/** Open items across incidents, by due date (undated last); with `dueBefore` (YYYY-MM-DD), only those due before it. */
export async function listOpenActionItems(tx: Executor, options: { dueBefore?: string } = {}): Promise<OpenActionItem[]> {
  let query = tx
    .selectFrom('action_items')
    .innerJoin('incidents', 'incidents.id', 'action_items.incident_id')
    .selectAll('action_items')
    .select(['incidents.number as incident_number', 'incidents.title as incident_title'])
    .where('action_items.status', '=', 'open');
  if (options.dueBefore !== undefined) query = query.where('action_items.due_date', 'is not', null).where('action_items.due_date', '<', options.dueBefore);
  const rows = await query
    .orderBy(sql`case when action_items.due_date is null then 1 else 0 end`)
    .orderBy('action_items.due_date')
    .orderBy('action_items.id')
    .execute();
  return rows.map(({ incident_number, incident_title, ...row }) => ({
    item: fromRow(row),
    incident: { id: row.incident_id, number: Number(incident_number), title: incident_title },
  }));
}

function toRow(item: ActionItem) {
  return {
    id: item.id,
    incident_id: item.incidentId,
    title: item.title,
    owner_id: item.ownerId,
    due_date: item.dueDate,
    status: item.status,
    external_url: item.externalUrl,
  };
}

function fromRow(row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    incidentId: row.incident_id,
    title: row.title,
    ownerId: row.owner_id,
    dueDate: row.due_date,
    status: row.status as ActionItemStatus,
    externalUrl: row.external_url,
  };
}
