import type { JobHandler } from '../../jobs/handler.js';
import type { Deps } from '../../usecases/deps.js';
import { reconcileUserGroups } from '../../usecases/oncall/user-groups/reconcile.js';

/** `oncall.reconcileUserGroups`: every 10 minutes, re-enqueueing itself; see `reconcileUserGroups`. */
export type ReconcileUserGroupsPayload = Record<string, never>;

export function reconcileUserGroupsHandler(deps: Deps): JobHandler<ReconcileUserGroupsPayload> {
  return async (_payload, ctx) => {
    const { groups } = await reconcileUserGroups(deps);
    ctx.logger?.debug({ groups }, 'user groups queued for reconcile');
  };
}
