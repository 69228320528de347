import { enqueue } from '../../../jobs/queue.js';
import type { Executor } from '../../../store/database.js';
import type { Deps } from '../../deps.js';

/**
 * The jobs of the on-call handoff machinery, each under a key that names its effect, so a
 * re-plan, a retry or a second instance adds none twice:
 * - `oncall.applyHandoff:<schedule>:<instant>`: the timer, due at the next handoff;
 * - `oncall.notifyHandoff:<schedule>:<instant>:<audience>`: each notice once per handoff;
 * - `oncall.syncUserGroup:<schedule>:<why>`: one sync per handoff, reconcile round or change.
 */

/** The reconcile runs this often: it repairs hand edits in Slack and catches up after downtime. */
export const RECONCILE_EVERY_MS = 10 * 60_000;
/** How far ahead a handoff timer is planned; the reconcile re-plans, so a longer turn is still met. */
export const TIMER_HORIZON_DAYS = 62;

export type NoticeAudience = 'incoming' | 'outgoing' | 'channel';

/** Handoff work needs Slack: without it there is nothing to notify or sync. */
export function slackOn(deps: Deps): boolean {
  return deps.integrations?.slack === true;
}

export async function enqueueHandoffTimer(tx: Executor, scheduleId: string, at: string, now: Date): Promise<void> {
  await enqueue(tx, 'oncall.applyHandoff', { scheduleId, at }, { key: `oncall.applyHandoff:${scheduleId}:${at}`, runAt: new Date(at) }, now);
}

export async function enqueueUserGroupSync(tx: Executor, scheduleId: string, why: string, now: Date): Promise<void> {
  await enqueue(tx, 'oncall.syncUserGroup', { scheduleId }, { key: `oncall.syncUserGroup:${scheduleId}:${why}` }, now);
}

/** What changes hands at `at`: the notices to the people, and the group's sync when the schedule has one. */
export async function enqueueHandoffEffects(
  tx: Executor,
  handoff: { scheduleId: string; at: string; from: string | null; to: string | null; syncsGroup: boolean; notify: boolean },
  now: Date,
): Promise<void> {
  const { scheduleId, at } = handoff;
  const notice = async (audience: NoticeAudience, userId: string) =>
    enqueue(tx, 'oncall.notifyHandoff', { scheduleId, at, audience, userId }, { key: `oncall.notifyHandoff:${scheduleId}:${at}:${audience}` }, now);
  if (handoff.notify && handoff.to) {
    await notice('incoming', handoff.to);
    // A guest cannot be in the group: the channel hears how to reach them (the job checks who they are).
    if (handoff.syncsGroup) await notice('channel', handoff.to);
  }
  if (handoff.notify && handoff.from) await notice('outgoing', handoff.from);
  if (handoff.syncsGroup) await enqueueUserGroupSync(tx, scheduleId, `handoff:${at}`, now);
}

/** The reconcile round `slot` (its start); one per installation per round, however many instances ask. */
export async function enqueueReconcile(tx: Executor, runAt: Date, now: Date): Promise<void> {
  const slot = new Date(Math.floor(runAt.getTime() / RECONCILE_EVERY_MS) * RECONCILE_EVERY_MS);
  await enqueue(tx, 'oncall.reconcileUserGroups', {}, { key: `oncall.reconcileUserGroups:${slot.toISOString()}`, runAt }, now);
}
