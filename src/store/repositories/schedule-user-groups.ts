import type { Selectable } from 'kysely';
import type { LeftOut } from '../../domain/oncall/usergroup-plan.js';
import type { Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { ScheduleUserGroupsTable } from '../schema.js';

type Row = Selectable<ScheduleUserGroupsTable>;

/** How the last sync ended: `set` wrote members, `unchanged` and `kept` wrote nothing, `failed` could not. */
export type SyncResult = 'set' | 'unchanged' | 'kept' | 'failed';

/** A schedule's Slack user group and how its last sync went. */
export interface ScheduleUserGroup {
  scheduleId: string;
  handle: string;
  /** Slack's id, once created or adopted. */
  usergroupId: string | null;
  /** Slack user ids the last sync set, or found already there. */
  members: string[];
  /** On call at the last sync but not sent to Slack (guests, bots, no Slack account). */
  leftOut: LeftOut[];
  lastSyncAt: string | null;
  lastSyncResult: SyncResult | null;
  /** Which token wrote, or why it could not. */
  lastSyncDetail: string | null;
  lastWarning: string | null;
  lastWarningAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SyncOutcome {
  at: string;
  result: SyncResult;
  detail: string | null;
  /** Unchanged when undefined (a failure keeps what the group last held). */
  members?: string[];
  leftOut?: LeftOut[];
  /** Replaces the last warning when given; null clears it. */
  warning?: string | null;
}

export async function findScheduleUserGroup(tx: Executor, scheduleId: string): Promise<ScheduleUserGroup | undefined> {
  const row = await tx.selectFrom('schedule_user_groups').selectAll().where('schedule_id', '=', scheduleId).executeTakeFirst();
  return row && fromRow(row);
}

export async function findScheduleUserGroupByHandle(tx: Executor, handle: string): Promise<ScheduleUserGroup | undefined> {
  const row = await tx.selectFrom('schedule_user_groups').selectAll().where('handle', '=', handle).executeTakeFirst();
  return row && fromRow(row);
}

export async function listScheduleUserGroupIds(tx: Executor): Promise<string[]> {
  const rows = await tx.selectFrom('schedule_user_groups').select('schedule_id').orderBy('schedule_id').execute();
  return rows.map((r) => r.schedule_id);
}

/** Starts syncing (or changes the handle, which forgets the old group's id and sync state). */
export async function saveScheduleUserGroup(tx: Executor, scheduleId: string, handle: string, now: string): Promise<void> {
  const existing = await findScheduleUserGroup(tx, scheduleId);
  if (existing?.handle === handle) return;
  const fresh = {
    handle,
    usergroup_id: null,
    members: encodeJson([]),
    left_out: encodeJson([]),
    last_sync_at: null,
    last_sync_result: null,
    last_sync_detail: null,
    last_warning: null,
    last_warning_at: null,
    sync_claimed_until: null,
    updated_at: now,
  };
  if (existing) {
    await tx.updateTable('schedule_user_groups').set(fresh).where('schedule_id', '=', scheduleId).execute();
  } else {
    await tx.insertInto('schedule_user_groups').values({ schedule_id: scheduleId, ...fresh, created_at: now }).execute();
  }
}

export async function deleteScheduleUserGroup(tx: Executor, scheduleId: string): Promise<boolean> {
  const result = await tx.deleteFrom('schedule_user_groups').where('schedule_id', '=', scheduleId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Takes the right to sync this group until `until`, unless another sync holds it. One
 * conditional update, so two runners (or two jobs in one batch) cannot both take it.
 */
export async function claimUserGroupSync(tx: Executor, scheduleId: string, now: string, until: string): Promise<boolean> {
  const result = await tx
    .updateTable('schedule_user_groups')
    .set({ sync_claimed_until: until })
    .where('schedule_id', '=', scheduleId)
    .where((eb) => eb.or([eb('sync_claimed_until', 'is', null), eb('sync_claimed_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function releaseUserGroupSync(tx: Executor, scheduleId: string): Promise<void> {
  await tx.updateTable('schedule_user_groups').set({ sync_claimed_until: null }).where('schedule_id', '=', scheduleId).execute();
}

/** Slack's id for the group, once created or adopted; only while the handle is still `handle`. */
export async function setUserGroupId(tx: Executor, scheduleId: string, handle: string, usergroupId: string): Promise<void> {
  await tx
    .updateTable('schedule_user_groups')
    .set({ usergroup_id: usergroupId })
    .where('schedule_id', '=', scheduleId)
    .where('handle', '=', handle)
    .execute();
}

export async function recordUserGroupSync(tx: Executor, scheduleId: string, outcome: SyncOutcome): Promise<void> {
  await tx
    .updateTable('schedule_user_groups')
    .set({
      last_sync_at: outcome.at,
      last_sync_result: outcome.result,
      last_sync_detail: outcome.detail,
      ...(outcome.members !== undefined && { members: encodeJson(outcome.members) }),
      ...(outcome.leftOut !== undefined && { left_out: encodeJson(outcome.leftOut) }),
      ...(outcome.warning !== undefined && { last_warning: outcome.warning, last_warning_at: outcome.warning === null ? null : outcome.at }),
    })
    .where('schedule_id', '=', scheduleId)
    .execute();
}

function fromRow(row: Row): ScheduleUserGroup {
  return {
    scheduleId: row.schedule_id,
    handle: row.handle,
    usergroupId: row.usergroup_id,
    members: decodeJson<string[]>(row.members),
    leftOut: decodeJson<LeftOut[]>(row.left_out),
    lastSyncAt: row.last_sync_at,
    lastSyncResult: row.last_sync_result as SyncResult | null,
    lastSyncDetail: row.last_sync_detail,
    lastWarning: row.last_warning,
    lastWarningAt: row.last_warning_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
