import type { Selectable } from 'kysely';
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

/** Open items due before `today` (YYYY-MM-DD), across incidents. */
export async function listOpenActionItemsDueBefore(tx: Executor, today: string): Promise<ActionItem[]> {
  const rows = await tx
    .selectFrom('action_items')
    .selectAll()
    .where('status', '=', 'open')
    .where('due_date', 'is not', null)
    .where('due_date', '<', today)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  return rows.map(fromRow);
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
