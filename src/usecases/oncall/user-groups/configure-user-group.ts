import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { isUniqueViolation } from '../../../store/constraint-errors.js';
import {
  deleteScheduleUserGroup,
  findScheduleUserGroupByHandle,
  saveScheduleUserGroup,
} from '../../../store/repositories/schedule-user-groups.js';
import type { Deps } from '../../deps.js';
import { authorize, type Principal } from '../../principal.js';
import { findSchedule } from '../read-schedules.js';
import { enqueueReconcile, enqueueUserGroupSync, RECONCILE_EVERY_MS, slackOn } from './handoff-jobs.js';
import { planHandoffs } from './plan-handoffs.js';
import { readUserGroupStatus, type UserGroupStatus } from './user-group-status.js';

export const DEFAULT_HANDLE = 'oncall';
/** Slack's mention handles: lowercase letters, digits, `.`, `_` and `-`. */
const HANDLE = /^[a-z0-9][a-z0-9._-]{0,79}$/;
/** Slack keeps these for itself (`@here`, `@channel`...). */
const RESERVED = new Set(['here', 'channel', 'everyone', 'group', 'all']);

/**
 * The schedule owns the Slack user group `@handle` (default `@oncall`): from now on its
 * members follow who is on call, set at every handoff and repaired by the periodic
 * reconcile. The first sync runs at once; it creates the group when Slack has none with
 * that handle, and adopts (replaces the members of) one that exists.
 */
export async function configureUserGroup(deps: Deps, key: string, input: { handle?: string }, principal: Principal): Promise<UserGroupStatus> {
  authorize(principal, 'admin');
  const handle = validHandle(input.handle ?? DEFAULT_HANDLE);
  return deps.db.transaction().execute(async (tx) => {
    const schedule = await findSchedule(tx, key);
    if (!slackOn(deps)) throw new ConflictError('Slack is not configured: set SLACK_BOT_TOKEN or install the app before syncing a user group');
    const holder = await findScheduleUserGroupByHandle(tx, handle);
    if (holder && holder.scheduleId !== schedule.id) throw handleTaken(handle);
    const now = deps.clock.now();
    try {
      await saveScheduleUserGroup(tx, schedule.id, handle, now.toISOString());
    } catch (error) {
      if (isUniqueViolation(error)) throw handleTaken(handle);
      throw error;
    }
    await enqueueUserGroupSync(tx, schedule.id, `configured:${handle}:${now.toISOString()}`, now);
    await planHandoffs(tx, deps, { before: null, after: schedule });
    // Starts the reconcile rounds unless they already run (the round's key makes this a no-op then).
    await enqueueReconcile(tx, new Date(Math.floor(now.getTime() / RECONCILE_EVERY_MS + 1) * RECONCILE_EVERY_MS), now);
    return readUserGroupStatus(tx, schedule.id);
  });
}

/** Stops syncing; the group stays in Slack as it is. */
export async function stopUserGroupSync(deps: Deps, key: string, principal: Principal): Promise<void> {
  authorize(principal, 'admin');
  await deps.db.transaction().execute(async (tx) => {
    const schedule = await findSchedule(tx, key);
    if (!(await deleteScheduleUserGroup(tx, schedule.id))) throw new NotFoundError('user group sync', `for schedule ${schedule.name}`);
  });
}

function validHandle(raw: string): string {
  const handle = raw.trim().replace(/^@/, '');
  if (!HANDLE.test(handle)) {
    throw new ValidationError('handle', 'must be 1 to 80 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit (as Slack requires)');
  }
  if (RESERVED.has(handle)) throw new ValidationError('handle', `@${handle} is reserved by Slack`);
  return handle;
}

function handleTaken(handle: string): ConflictError {
  return new ConflictError(`Another schedule already syncs @${handle}: two schedules writing one group would undo each other at every handoff`);
}
