import type { LeftOut } from '../../../domain/oncall/usergroup-plan.js';
import { NotFoundError } from '../../../errors.js';
import type { Executor } from '../../../store/database.js';
import { findScheduleUserGroup, type SyncResult } from '../../../store/repositories/schedule-user-groups.js';
import type { Deps } from '../../deps.js';
import { authorize, type Principal } from '../../principal.js';
import { findSchedule } from '../read-schedules.js';

export interface UserGroupStatus {
  schedule: { id: string; name: string };
  handle: string;
  /** Slack's id of the group, once created or adopted by a sync. */
  usergroupId: string | null;
  /** Slack user ids the group was last set to (or found holding). */
  members: string[];
  /** On call at the last sync and left out of the group because Slack refuses guests; `@Hikeshi oncall` reaches them. */
  guestsLeftOut: Omit<LeftOut, 'reason'>[];
  /** Everyone on call but not in the group, with why (guest, bot, deactivated, no Slack account). */
  leftOut: LeftOut[];
  lastSyncAt: string | null;
  lastSyncResult: SyncResult | null;
  lastSyncDetail: string | null;
  /** Why the last sync kept the group as it was or could not write it; null after a clean sync. */
  warning: string | null;
  warningAt: string | null;
}

/** How the schedule's Slack user group sync stands; NotFoundError when the schedule syncs none. */
export async function userGroupStatus(deps: Deps, key: string, principal: Principal): Promise<UserGroupStatus> {
  authorize(principal, 'viewer');
  return readUserGroupStatus(deps.db, key);
}

export async function readUserGroupStatus(tx: Executor, key: string): Promise<UserGroupStatus> {
  const schedule = await findSchedule(tx, key);
  const group = await findScheduleUserGroup(tx, schedule.id);
  if (!group) throw new NotFoundError('user group sync', `for schedule ${schedule.name}`);
  return {
    schedule: { id: schedule.id, name: schedule.name },
    handle: group.handle,
    usergroupId: group.usergroupId,
    members: group.members,
    guestsLeftOut: group.leftOut.filter((p) => p.reason === 'guest').map(({ reason: _, ...person }) => person),
    leftOut: group.leftOut,
    lastSyncAt: group.lastSyncAt,
    lastSyncResult: group.lastSyncResult,
    lastSyncDetail: group.lastSyncDetail,
    warning: group.lastWarning,
    warningAt: group.lastWarningAt,
  };
}
