import { onCallAt } from '../../../domain/oncall/queries.js';
import {
  claimUserGroupSync,
  findScheduleUserGroup,
  recordUserGroupSync,
  releaseUserGroupSync,
  setUserGroupId,
  type SyncOutcome,
} from '../../../store/repositories/schedule-user-groups.js';
import type { Deps } from '../../deps.js';
import { liveSchedules } from '../compiled-schedules.js';
import { personRefs, type PersonRef } from '../people.js';

/**
 * The database side of one user-group sync (the Slack side is src/slack/usergroups): take
 * the group for this sync, learn who is on call now, then record what was done and let go.
 */

/** Long enough for a sync's handful of Slack calls (10 s timeout each); a crashed sync's claim lapses after it. */
export const SYNC_CLAIM_MS = 2 * 60_000;

export interface SyncTarget {
  scheduleId: string;
  scheduleName: string;
  handle: string;
  usergroupId: string | null;
  /** The people on call now (one per schedule; none in a gap). */
  onCall: PersonRef[];
  /** What the group held after the last sync, kept when this one can write nothing. */
  lastMembers: string[];
}

export type SyncStart = { kind: 'not_synced' } | { kind: 'busy' } | { kind: 'claimed'; target: SyncTarget };

/** Claims the schedule's group for one sync; `busy` while another sync holds it. */
export async function startUserGroupSync(deps: Deps, scheduleId: string): Promise<SyncStart> {
  const now = deps.clock.now();
  const [live] = await liveSchedules(deps.db, { ids: [scheduleId] });
  const group = live && (await findScheduleUserGroup(deps.db, scheduleId));
  if (!live || !group) return { kind: 'not_synced' };
  const claimed = await claimUserGroupSync(deps.db, scheduleId, now.toISOString(), new Date(now.getTime() + SYNC_CLAIM_MS).toISOString());
  if (!claimed) return { kind: 'busy' };
  const userId = live.compiled ? (onCallAt(live.compiled, now)?.userId ?? null) : null;
  const person = await personRefs(deps.db, userId ? [userId] : []);
  return {
    kind: 'claimed',
    target: {
      scheduleId,
      scheduleName: live.record.name,
      handle: group.handle,
      usergroupId: group.usergroupId,
      onCall: userId ? [person(userId)] : [],
      lastMembers: group.members,
    },
  };
}

/** Slack's id for the group, found or created by this sync. */
export async function recordUserGroupId(deps: Deps, target: SyncTarget, usergroupId: string): Promise<void> {
  await setUserGroupId(deps.db, target.scheduleId, target.handle, usergroupId);
}

/** Records the outcome and lets the group go, in one transaction. */
export async function finishUserGroupSync(deps: Deps, scheduleId: string, outcome: Omit<SyncOutcome, 'at'>): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await recordUserGroupSync(tx, scheduleId, { ...outcome, at });
    await releaseUserGroupSync(tx, scheduleId);
  });
}

/** Lets the group go after a failure that will be retried (a 429, Slack down). */
export async function abandonUserGroupSync(deps: Deps, scheduleId: string): Promise<void> {
  await releaseUserGroupSync(deps.db, scheduleId);
}
