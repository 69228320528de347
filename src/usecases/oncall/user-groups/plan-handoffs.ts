import { compileSchedule, type CompiledSchedule } from '../../../domain/oncall/compile.js';
import { nextHandoff, onCallAt } from '../../../domain/oncall/queries.js';
import { engineSchedule, type ScheduleRecord } from '../../../domain/oncall/schedule-record.js';
import { HikeshiError } from '../../../errors.js';
import type { Executor } from '../../../store/database.js';
import { findScheduleUserGroup } from '../../../store/repositories/schedule-user-groups.js';
import type { Deps } from '../../deps.js';
import { enqueueHandoffEffects, enqueueHandoffTimer, slackOn, TIMER_HORIZON_DAYS } from './handoff-jobs.js';

/**
 * Called in the transaction that writes a schedule (its layers, overrides or an imported
 * rota): plans the timer for the schedule's next handoff as it now stands. When the change
 * itself hands over (an override starting now, a layer edited under the current person),
 * that is a handoff too: the people hear of it and the group follows at once. A timer
 * planned before the change and no longer a handoff finds nothing to do when it fires.
 */
export async function planHandoffs(tx: Executor, deps: Deps, change: { before: ScheduleRecord | null; after: ScheduleRecord }): Promise<void> {
  if (!slackOn(deps)) return;
  const after = compiled(change.after);
  if (!after) return;
  const now = deps.clock.now();
  if (change.before) {
    const before = compiled(change.before);
    const from = before ? (onCallAt(before, now)?.userId ?? null) : null;
    const to = onCallAt(after, now)?.userId ?? null;
    if (before && from !== to) {
      const syncsGroup = (await findScheduleUserGroup(tx, change.after.id)) !== undefined;
      await enqueueHandoffEffects(tx, { scheduleId: change.after.id, at: now.toISOString(), from, to, syncsGroup, notify: true }, now);
    }
  }
  const next = nextHandoff(after, now, { horizonDays: TIMER_HORIZON_DAYS });
  if (next) await enqueueHandoffTimer(tx, change.after.id, next.at, now);
}

function compiled(record: ScheduleRecord): CompiledSchedule | null {
  try {
    return compileSchedule(engineSchedule(record));
  } catch (error) {
    // Written schedules are checked first; one the engine refuses has no handoffs to plan.
    if (error instanceof HikeshiError) return null;
    throw error;
  }
}
