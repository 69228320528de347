import type { ScheduleRecord } from '../../domain/oncall/schedule-record.js';
import { NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import {
  deleteSchedule as removeSchedule,
  getScheduleForUpdate,
  insertSchedule,
  updateSchedule as saveSchedule,
} from '../../store/repositories/schedules.js';
import { insertUnique } from '../catalog/unique-name.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { rememberSchedule } from './compiled-schedules.js';
import { findSchedule } from './read-schedules.js';
import { planHandoffs } from './user-groups/plan-handoffs.js';
import { buildSchedule, DEFAULT_HANDOFF_TIME, type ScheduleInput } from './schedule-input.js';

const nameTaken = (name: string) => `A schedule named "${name}" already exists`;

export async function createSchedule(deps: Deps, input: ScheduleInput, principal: Principal): Promise<ScheduleRecord> {
  authorize(principal, 'admin');
  const schedule = await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const empty: ScheduleRecord = {
      id: newId(),
      name: '',
      description: '',
      timeZone: input.timeZone,
      teamId: null,
      handoffTime: DEFAULT_HANDOFF_TIME,
      rotaColumns: {},
      layers: [],
      overrides: [],
      revision: 1,
      createdAt: now,
      updatedAt: now,
    };
    const record = await buildSchedule(tx, input, empty);
    await insertUnique(() => insertSchedule(tx, record), nameTaken(record.name));
    await planHandoffs(tx, deps, { before: null, after: record });
    return record;
  });
  rememberSchedule(deps.db, schedule);
  return schedule;
}

/** Changes the fields given; `layers` and `overrides`, when given, replace the lists. */
export async function updateSchedule(deps: Deps, key: string, input: Partial<ScheduleInput>, principal: Principal): Promise<ScheduleRecord> {
  authorize(principal, 'admin');
  const schedule = await deps.db.transaction().execute(async (tx) => {
    const current = await getScheduleForUpdate(tx, (await findSchedule(tx, key)).id);
    const record = await buildSchedule(tx, input, { ...current, revision: current.revision + 1, updatedAt: deps.clock.now().toISOString() });
    await insertUnique(() => saveSchedule(tx, record), nameTaken(record.name));
    await planHandoffs(tx, deps, { before: current, after: record });
    return record;
  });
  rememberSchedule(deps.db, schedule);
  return schedule;
}

export async function deleteSchedule(deps: Deps, key: string, principal: Principal): Promise<void> {
  authorize(principal, 'admin');
  const id = await deps.db.transaction().execute(async (tx) => {
    const { id } = await findSchedule(tx, key);
    if (!(await removeSchedule(tx, id))) throw new NotFoundError('schedule', key);
    return id;
  });
  rememberSchedule(deps.db, { id, deleted: true });
}
