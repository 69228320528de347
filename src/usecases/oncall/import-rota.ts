import { applyRota, ROTA_MODES, type RotaMode } from '../../domain/oncall/apply-rota.js';
import { FILE_PROBLEMS, parseRotaCsv, type RotaColumn, type RotaImport, type RotaProblem, type RotaRole } from '../../domain/oncall/rota-csv.js';
import type { ScheduleRecord } from '../../domain/oncall/schedule-record.js';
import { RotaRefusedError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import { getScheduleForUpdate, updateSchedule } from '../../store/repositories/schedules.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { rememberSchedule } from './compiled-schedules.js';
import { peopleNamed } from './people.js';
import { findSchedule } from './read-schedules.js';
import { checkSchedule } from './schedule-input.js';
import { planHandoffs } from './user-groups/plan-handoffs.js';

export interface ImportRotaInput {
  csv: string;
  /** `overrides` (default): above the schedule's layers; `layer`: the schedule's own explicit layer. */
  mode?: RotaMode;
  /** Which column feeds this schedule (default primary); import again with `secondary` into the backup schedule. */
  role?: RotaRole;
  /** Check and report without changing anything. */
  dryRun?: boolean;
}

export interface ImportRotaResult {
  schedule: { id: string; name: string };
  mode: RotaMode;
  role: RotaRole;
  format: 'daily' | 'timed';
  dryRun: boolean;
  complete: true;
  /** Rows' shifts of `role` applied (or that would be, on a dry run). */
  applied: number;
  /** Earlier imported shifts cut back or replaced where this rota has someone. */
  replaced: number;
  /** Shifts of the other role, not imported into this schedule. */
  otherRoleShifts: number;
  /** Every row that could not be used, by line; the rest applied. */
  problems: RotaProblem[];
  ignoredColumns: string[];
}

const ROLES: readonly RotaRole[] = ['primary', 'secondary'];

/**
 * Imports a spreadsheet rota (DESIGN.md) into a schedule. Rows that cannot be mapped are
 * reported by line and the rest applies; a file that cannot be trusted as a whole (or has
 * no usable shift for `role`) is refused with RotaRefusedError and nothing changes, so a
 * bad file never empties a schedule.
 */
export async function importRota(deps: Deps, key: string, input: ImportRotaInput, principal: Principal): Promise<ImportRotaResult> {
  authorize(principal, 'admin');
  const options = rotaImportOptions(input);
  const result = await deps.db.transaction().execute(async (tx) => {
    const found = await findSchedule(tx, key);
    const current = options.dryRun ? found : await getScheduleForUpdate(tx, found.id);
    return importRotaInto(tx, deps, current, input.csv, options);
  });
  if (!options.dryRun) rememberSchedule(deps.db, result.schedule);
  return result.answer;
}

export interface RotaImportOptions {
  mode: RotaMode;
  role: RotaRole;
  dryRun: boolean;
  /** Header names mapped on top of the schedule's own `rotaColumns` (a rota source's). */
  columns?: Record<string, RotaColumn>;
}

/** The mode and role given, checked, with their defaults. */
export function rotaImportOptions(input: { mode?: RotaMode; role?: RotaRole; dryRun?: boolean }): RotaImportOptions {
  const mode = input.mode ?? 'overrides';
  const role = input.role ?? 'primary';
  if (!ROTA_MODES.includes(mode)) throw new ValidationError('mode', `must be one of ${ROTA_MODES.join(', ')}`);
  if (!ROLES.includes(role)) throw new ValidationError('role', `must be one of ${ROLES.join(', ')}`);
  return { mode, role, dryRun: input.dryRun === true };
}

/**
 * The import itself, in the caller's transaction on a schedule it has locked (unless a dry
 * run): the one path both an uploaded file and a synced rota source take, handoff timers
 * included. Throws RotaRefusedError (or a ValidationError) before writing anything; the
 * caller remembers the returned schedule once its transaction commits.
 */
export async function importRotaInto(
  tx: Executor,
  deps: Deps,
  current: ScheduleRecord,
  csv: string,
  options: RotaImportOptions,
): Promise<{ answer: ImportRotaResult; schedule: ScheduleRecord }> {
  const { mode, role, dryRun } = options;
  const parse = { timeZone: current.timeZone, handoffTime: current.handoffTime, columns: { ...current.rotaColumns, ...options.columns } };
  // First pass: which cells name people, so they are looked up in one query.
  const cells = new Set<string>();
  parseRotaCsv(csv, { ...parse, findPerson: (cell) => void cells.add(cell) });
  const people = await peopleNamed(tx, cells);
  const rota = parseRotaCsv(csv, { ...parse, findPerson: people });
  refuseUnlessUsable(rota, role);

  const applied = applyRota(current, rota.shifts, { mode, role, newId });
  const schedule = {
    ...current,
    layers: applied.layers,
    overrides: applied.overrides,
    revision: current.revision + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  checkSchedule(schedule);
  if (!dryRun) {
    await updateSchedule(tx, schedule);
    await planHandoffs(tx, deps, { before: current, after: schedule });
  }
  const answer: ImportRotaResult = {
    schedule: { id: current.id, name: current.name },
    mode,
    role,
    format: rota.format as 'daily' | 'timed',
    dryRun,
    complete: true,
    applied: applied.applied,
    replaced: applied.replaced,
    otherRoleShifts: rota.shifts.filter((s) => s.role !== role).length,
    problems: rota.problems,
    ignoredColumns: rota.ignoredColumns,
  };
  return { answer, schedule };
}

function refuseUnlessUsable(rota: RotaImport, role: RotaRole): void {
  if (!rota.complete) {
    const fatal = rota.problems.filter((p) => FILE_PROBLEMS.includes(p.code));
    const why = fatal.map((p) => `line ${p.line}: ${p.message}`).join('; ');
    throw new RotaRefusedError(`The rota was not imported and the schedule is unchanged: ${why}`, rota.problems);
  }
  if (!rota.shifts.some((s) => s.role === role)) {
    const problems: RotaProblem[] = [{ line: 1, code: 'no_shifts', column: role, message: `No row names a ${role} person` }, ...rota.problems];
    throw new RotaRefusedError(`The rota was not imported and the schedule is unchanged: no row names a ${role} person`, problems);
  }
}
