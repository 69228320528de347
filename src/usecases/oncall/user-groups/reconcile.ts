import { nextHandoff } from '../../../domain/oncall/queries.js';
import { listScheduleUserGroupIds } from '../../../store/repositories/schedule-user-groups.js';
import type { Deps } from '../../deps.js';
import { liveSchedules } from '../compiled-schedules.js';
import { enqueueHandoffTimer, enqueueReconcile, enqueueUserGroupSync, RECONCILE_EVERY_MS, TIMER_HORIZON_DAYS } from './handoff-jobs.js';

/**
 * One reconcile round (every 10 minutes, one per installation): each synced group is
 * checked against who is on call (a member added or removed by hand in Slack is put right;
 * an unchanged group costs one read), and every schedule's next handoff timer is planned
 * again, which catches a turn longer than the timer horizon and schedules written while
 * Slack was off. The next round is planned first, so one failed round does not end them.
 */
export async function reconcileUserGroups(deps: Deps): Promise<{ groups: number }> {
  const now = deps.clock.now();
  const round = Math.floor(now.getTime() / RECONCILE_EVERY_MS);
  await enqueueReconcile(deps.db, new Date((round + 1) * RECONCILE_EVERY_MS), now);

  const schedules = await liveSchedules(deps.db);
  return deps.db.transaction().execute(async (tx) => {
    const groups = await listScheduleUserGroupIds(tx);
    for (const scheduleId of groups) {
      await enqueueUserGroupSync(tx, scheduleId, `reconcile:${new Date(round * RECONCILE_EVERY_MS).toISOString()}`, now);
    }
    for (const live of schedules) {
      const next = live.compiled ? nextHandoff(live.compiled, now, { horizonDays: TIMER_HORIZON_DAYS }) : null;
      if (next) await enqueueHandoffTimer(tx, live.record.id, next.at, now);
    }
    return { groups: groups.length };
  });
}
