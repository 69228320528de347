import { applyActionItem, type ActionItemInput } from '../../domain/postmortems/action-items.js';
import { deleteActionItem, getActionItemForUpdate, updateActionItem } from '../../store/repositories/action-items.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { viewActionItems, type ActionItemView } from './action-item-view.js';
import { checkOwner } from './check-owner.js';

/** Changes a follow-up's title, owner, due date, status or link; the rest stays. */
export async function changeActionItem(deps: Deps, principal: Principal, id: string, input: ActionItemInput): Promise<ActionItemView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const item = applyActionItem(await getActionItemForUpdate(tx, id), input);
    if (input.ownerId !== undefined) await checkOwner(tx, 'ownerId', item.ownerId);
    await updateActionItem(tx, item, deps.clock.now());
    return (await viewActionItems(tx, [item]))[0]!;
  });
}

export async function removeActionItem(deps: Deps, principal: Principal, id: string): Promise<void> {
  authorize(principal, 'responder');
  await deps.db.transaction().execute(async (tx) => {
    await getActionItemForUpdate(tx, id);
    await deleteActionItem(tx, id);
  });
}
