import type { ScheduleRecord } from '../../domain/oncall/schedule-record.js';
import type { Layer, Override } from '../../domain/oncall/types.js';
import type { RotaColumn } from '../../domain/oncall/rota-csv.js';
import { NotFoundError } from '../../errors.js';
import { supportsRowLocks, type Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { SchedulesTable } from '../schema.js';
import type { Insertable, Selectable } from 'kysely';

type ScheduleRow = Selectable<SchedulesTable>;

export interface ScheduleRevision {
  id: string;
  revision: number;
}

export async function insertSchedule(tx: Executor, schedule: ScheduleRecord): Promise<void> {
  await tx.insertInto('schedules').values(toRow(schedule)).execute();
}

export async function updateSchedule(tx: Executor, schedule: ScheduleRecord): Promise<void> {
  const { id: _id, created_at: _created, ...changes } = toRow(schedule);
  await tx.updateTable('schedules').set(changes).where('id', '=', schedule.id).execute();
}

export async function deleteSchedule(tx: Executor, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('schedules').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function getSchedule(tx: Executor, id: string): Promise<ScheduleRecord> {
  const row = await tx.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('schedule', id);
  return fromRow(row);
}

/** The schedule, locked against concurrent writers until the transaction ends (Postgres; SQLite serialises writers). */
export async function getScheduleForUpdate(tx: Executor, id: string): Promise<ScheduleRecord> {
  let query = tx.selectFrom('schedules').selectAll().where('id', '=', id);
  if (supportsRowLocks(tx)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('schedule', id);
  return fromRow(row);
}

/** Schedules named by id or by exact name, as people type them. */
export async function findSchedulesByIdOrName(tx: Executor, keys: readonly string[]): Promise<ScheduleRecord[]> {
  if (!keys.length) return [];
  const rows = await tx
    .selectFrom('schedules')
    .selectAll()
    .where((eb) => eb.or([eb('id', 'in', [...keys]), eb('name', 'in', [...keys])]))
    .execute();
  return rows.map(fromRow);
}

export async function listSchedulesByIds(tx: Executor, ids: readonly string[]): Promise<ScheduleRecord[]> {
  if (!ids.length) return [];
  const rows = await tx.selectFrom('schedules').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return rows.map(fromRow);
}

export async function listSchedules(tx: Executor, options: { afterName?: string; limit: number; teamId?: string }): Promise<ScheduleRecord[]> {
  let query = tx.selectFrom('schedules').selectAll();
  if (options.teamId) query = query.where('team_id', '=', options.teamId);
  if (options.afterName !== undefined) query = query.where('name', '>', options.afterName);
  const rows = await query.orderBy('name').limit(options.limit).execute();
  return rows.map(fromRow);
}

/** Ids and revisions only (cheap), to tell which cached schedules are still current. */
export async function listScheduleRevisions(tx: Executor, filter: { ids?: readonly string[]; teamIds?: readonly string[] } = {}): Promise<ScheduleRevision[]> {
  let query = tx.selectFrom('schedules').select(['id', 'revision']);
  if (filter.ids) {
    if (!filter.ids.length) return [];
    query = query.where('id', 'in', [...filter.ids]);
  }
  if (filter.teamIds) {
    if (!filter.teamIds.length) return [];
    query = query.where('team_id', 'in', [...filter.teamIds]);
  }
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, revision: Number(r.revision) }));
}

function toRow(s: ScheduleRecord): Insertable<SchedulesTable> & { id: string; created_at: string } {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    time_zone: s.timeZone,
    team_id: s.teamId,
    handoff_time: s.handoffTime,
    rota_columns: encodeJson(s.rotaColumns),
    layers: encodeJson(s.layers),
    overrides: encodeJson(s.overrides),
    revision: s.revision,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

function fromRow(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    timeZone: row.time_zone,
    teamId: row.team_id,
    handoffTime: row.handoff_time,
    rotaColumns: decodeJson<Record<string, RotaColumn>>(row.rota_columns),
    layers: decodeJson<Layer[]>(row.layers),
    overrides: decodeJson<Override[]>(row.overrides),
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
