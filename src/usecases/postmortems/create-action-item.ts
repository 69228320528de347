import { applyActionItem, type ActionItemInput } from '../../domain/postmortems/action-items.js';
import type { ActionItem } from '../../domain/postmortems/types.js';
import { newId } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import { insertActionItem } from '../../store/repositories/action-items.js';
import type { Deps } from '../deps.js';
import { findIncident } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';
import { viewActionItems, type ActionItemView } from './action-item-view.js';
import { checkOwner } from './check-owner.js';

/** A follow-up on an incident, with or without a postmortem yet. */
export async function createActionItem(deps: Deps, principal: Principal, incidentId: string, input: ActionItemInput): Promise<ActionItemView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncident(tx, incidentId);
    const item = await addActionItem(tx, incident.id, input, deps.clock.now());
    return (await viewActionItems(tx, [item]))[0]!;
  });
}

/**
 * The same inside a transaction another use case already holds (a runbook's
 * `create-follow-up` step): the incident is known to exist.
 */
export async function addActionItem(tx: Executor, incidentId: string, input: ActionItemInput, now: Date): Promise<ActionItem> {
  const item = applyActionItem({ id: newId(now.getTime()), incidentId }, input);
  await checkOwner(tx, 'ownerId', item.ownerId);
  await insertActionItem(tx, item, now);
  return item;
}
