import type { ActionItem } from '../../domain/postmortems/types.js';
import type { Executor } from '../../store/database.js';
import { listUsersByIds } from '../../store/repositories/users.js';
import type { Ref } from '../incidents/incident-view.js';

export interface ActionItemView extends ActionItem {
  owner: Ref | null;
}

export function actionItemView(item: ActionItem, people: Readonly<Record<string, string>>): ActionItemView {
  return { ...item, owner: item.ownerId ? { id: item.ownerId, name: people[item.ownerId] ?? item.ownerId } : null };
}

/** Action items with their owners' names, read in one query. */
export async function viewActionItems(tx: Executor, items: readonly ActionItem[]): Promise<ActionItemView[]> {
  const owners = await listUsersByIds(tx, [...new Set(items.flatMap((i) => (i.ownerId ? [i.ownerId] : [])))]);
  const people = Object.fromEntries(owners.map((u) => [u.id, u.name]));
  return items.map((item) => actionItemView(item, people));
}
