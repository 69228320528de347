import { nextHandoff, onCallAt } from '../../../domain/oncall/queries.js';
import { findScheduleUserGroup } from '../../../store/repositories/schedule-user-groups.js';
import type { Deps } from '../../deps.js';
import { liveSchedules } from '../compiled-schedules.js';
import { enqueueHandoffEffects, enqueueHandoffTimer, slackOn, TIMER_HORIZON_DAYS } from './handoff-jobs.js';

/**
 * The handoff timer of `scheduleId` at `at` fired (on time, or on coming back after
 * downtime). When the schedule as it stands now still hands over at `at`, the people are
 * notified and the group synced; then the timer for the following handoff is planned. A
 * missed shift that has already ended by now is not announced: its person is off again.
 */
export async function handOff(deps: Deps, timer: { scheduleId: string; at: string }): Promise<void> {
  // Slack was turned off since the timer was planned: nothing to notify or sync; writes plan again once it is back.
  if (!slackOn(deps)) return;
  const [live] = await liveSchedules(deps.db, { ids: [timer.scheduleId] });
  if (!live?.compiled) return;
  const now = deps.clock.now();
  const at = Date.parse(timer.at);
  const from = onCallAt(live.compiled, new Date(at - 1))?.userId ?? null;
  const to = onCallAt(live.compiled, new Date(at))?.userId ?? null;
  const next = nextHandoff(live.compiled, new Date(at), { horizonDays: TIMER_HORIZON_DAYS });
  const shiftOver = next !== null && Date.parse(next.at) <= now.getTime();

  await deps.db.transaction().execute(async (tx) => {
    if (from !== to) {
      // A shift already over is left to the next handoff's timer, which is due now too.
      const syncsGroup = !shiftOver && (await findScheduleUserGroup(tx, timer.scheduleId)) !== undefined;
      await enqueueHandoffEffects(tx, { scheduleId: timer.scheduleId, at: timer.at, from, to, syncsGroup, notify: !shiftOver }, now);
    }
    if (next) await enqueueHandoffTimer(tx, timer.scheduleId, next.at, now);
  });
}
