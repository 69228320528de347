import type { ScheduleRecord } from '../../domain/oncall/schedule-record.js';
import type { Override } from '../../domain/oncall/types.js';
import { NotFoundError } from '../../errors.js';
import { getScheduleForUpdate, updateSchedule } from '../../store/repositories/schedules.js';
import type { Executor } from '../../store/database.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { rememberSchedule } from './compiled-schedules.js';
import { findSchedule } from './read-schedules.js';
import { overrideOf, type OverrideInput } from './schedule-input.js';
import { planHandoffs } from './user-groups/plan-handoffs.js';

/** Someone covers `[start, end)` above every layer (a swap, a sick day); the newest override wins. */
export async function addOverride(deps: Deps, key: string, input: OverrideInput, principal: Principal): Promise<Override> {
  authorize(principal, 'responder');
  const { schedule, override } = await change(deps, key, async (tx, current) => {
    const override = await overrideOf(tx, { ...input, id: undefined });
    const overrides = [...current.overrides, override];
    return { schedule: { ...current, overrides }, override };
  });
  rememberSchedule(deps.db, schedule);
  return override;
}

export async function removeOverride(deps: Deps, key: string, overrideId: string, principal: Principal): Promise<void> {
  authorize(principal, 'responder');
  const { schedule } = await change(deps, key, async (_tx, current) => {
    if (!current.overrides.some((o) => o.id === overrideId)) throw new NotFoundError('override', overrideId);
    return { schedule: { ...current, overrides: current.overrides.filter((o) => o.id !== overrideId) }, override: null };
  });
  rememberSchedule(deps.db, schedule);
}

async function change<T>(
  deps: Deps,
  key: string,
  decide: (tx: Executor, current: ScheduleRecord) => Promise<{ schedule: ScheduleRecord; override: T }>,
): Promise<{ schedule: ScheduleRecord; override: T }> {
  return deps.db.transaction().execute(async (tx) => {
    const current = await getScheduleForUpdate(tx, (await findSchedule(tx, key)).id);
    const result = await decide(tx, current);
    const schedule = { ...result.schedule, revision: current.revision + 1, updatedAt: deps.clock.now().toISOString() };
    await updateSchedule(tx, schedule);
    await planHandoffs(tx, deps, { before: current, after: schedule });
    return { schedule, override: result.override };
  });
}
