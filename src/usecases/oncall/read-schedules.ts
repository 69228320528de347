import type { ScheduleRecord } from '../../domain/oncall/schedule-record.js';
import { NotFoundError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import { findSchedulesByIdOrName, listSchedules as querySchedules } from '../../store/repositories/schedules.js';
import type { Deps } from '../deps.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
import { authorize, type Principal } from '../principal.js';

/** A schedule named by id or exact name; NotFoundError otherwise. */
export async function findSchedule(tx: Executor, key: string): Promise<ScheduleRecord> {
  const found = await findSchedulesByIdOrName(tx, [key]);
  const match = found.find((s) => s.id === key) ?? found.find((s) => s.name === key);
  if (!match) throw new NotFoundError('schedule', key);
  return match;
}

export async function getSchedule(deps: Deps, key: string, principal: Principal): Promise<ScheduleRecord> {
  authorize(principal, 'viewer');
  return findSchedule(deps.db, key);
}

export async function listSchedules(deps: Deps, query: { cursor?: string; limit?: number; teamId?: string }, principal: Principal): Promise<Page<ScheduleRecord>> {
  authorize(principal, 'viewer');
  const limit = query.limit ?? 100;
  const rows = await querySchedules(deps.db, {
    afterName: query.cursor ? decodeCursor(query.cursor, { name: 'string' }).name : undefined,
    limit: limit + 1,
    ...(query.teamId && { teamId: query.teamId }),
  });
  return pageOf(rows, limit, (last) => ({ name: last.name }));
}
