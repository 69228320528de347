import { checkIntervalMinutes, maskUrl, parseSourceUrl } from '../../../domain/oncall/rota-fetch-policy.js';
import type { RotaMode } from '../../../domain/oncall/apply-rota.js';
import type { RotaColumn, RotaRole } from '../../../domain/oncall/rota-csv.js';
import { ValidationError } from '../../../errors.js';
import { newId } from '../../../ids.js';
import { findRotaSourceBySchedule, insertRotaSource, updateRotaSourceSettings, type RotaSource } from '../../../store/repositories/rota-sources.js';
import type { Deps } from '../../deps.js';
import { authorize, type Principal } from '../../principal.js';
import { rotaImportOptions } from '../import-rota.js';
import { findSchedule } from '../read-schedules.js';
import { enqueueRotaCheck } from './check-job.js';
import { presentRotaSource, type RotaSourceStatus } from './rota-source-status.js';
import { storeSourceUrl } from './source-url.js';

export interface SetRotaSourceInput {
  /** A published sheet's CSV address (http or https). */
  url: string;
  /** As for the manual import: `overrides` (default) or the schedule's own rota `layer`. */
  mode?: RotaMode;
  role?: RotaRole;
  /** Minutes between checks, 5 to 1,440 (default 15). */
  intervalMinutes?: number;
  /** Header names → columns, on top of the schedule's `rotaColumns`. */
  columns?: Record<string, string>;
}

const COLUMNS: readonly RotaColumn[] = ['date', 'start', 'end', 'primary', 'secondary'];

/**
 * Makes a schedule follow a published spreadsheet (admin); replaces its previous source.
 * The first check runs at once (a job enqueued in this transaction); the file is applied
 * afresh even if it is the one applied before, since the mode or columns may differ.
 */
export async function setRotaSource(deps: Deps, scheduleKey: string, input: SetRotaSourceInput, principal: Principal): Promise<RotaSourceStatus> {
  authorize(principal, 'admin');
  const url = parseSourceUrl(input.url).toString();
  const { mode, role } = rotaImportOptions(input);
  const intervalMinutes = checkIntervalMinutes(input.intervalMinutes);
  const columns = input.columns === undefined ? null : checkColumns(input.columns);
  const now = deps.clock.now();
  const at = now.toISOString();

  return deps.db.transaction().execute(async (tx) => {
    const schedule = await findSchedule(tx, scheduleKey);
    const existing = await findRotaSourceBySchedule(tx, schedule.id);
    const id = existing?.id ?? newId();
    const settings = { ...storeSourceUrl(deps, id, url), urlMasked: maskUrl(url), mode, role, columns, intervalMinutes, nextCheckAt: at, updatedAt: at };
    let source: RotaSource;
    if (existing) {
      source = { ...existing, ...settings, generation: existing.generation + 1, etag: null, lastModified: null, contentHash: null };
      await updateRotaSourceSettings(tx, source);
    } else {
      source = {
        id,
        scheduleId: schedule.id,
        ...settings,
        generation: 1,
        etag: null,
        lastModified: null,
        contentHash: null,
        lastCheckedAt: null,
        lastChangedAt: null,
        lastAppliedAt: null,
        lastOutcome: null,
        lastMessage: null,
        lastReport: null,
        createdById: principal.actor.id,
        createdAt: at,
      };
      await insertRotaSource(tx, source);
    }
    await enqueueRotaCheck(tx, source, now);
    deps.logger?.info({ rotaSourceId: id, scheduleId: schedule.id, source: source.urlMasked, intervalMinutes }, 'rota source set');
    return presentRotaSource(source, schedule);
  });
}

function checkColumns(columns: Record<string, string>): Record<string, RotaColumn> {
  return Object.fromEntries(
    Object.entries(columns).map(([header, column]) => {
      const name = header.trim().toLowerCase();
      if (name === '') throw new ValidationError('columns', 'a header name is empty');
      if (!COLUMNS.includes(column as RotaColumn)) throw new ValidationError(`columns.${header}`, `must be one of ${COLUMNS.join(', ')}`);
      return [name, column as RotaColumn];
    }),
  );
}
