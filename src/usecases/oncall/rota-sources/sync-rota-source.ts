import { createHash } from 'node:crypto';
import { nextCheckAt } from '../../../domain/oncall/rota-fetch-policy.js';
import type { ScheduleRecord } from '../../../domain/oncall/schedule-record.js';
import { RotaRefusedError, ValidationError } from '../../../errors.js';
import type { Executor } from '../../../store/database.js';
import {
  findRotaSource,
  findRotaSourceForUpdate,
  recordRotaCheck,
  type RotaCheck,
  type RotaCheckOutcome,
  type RotaFileReport,
  type RotaSource,
} from '../../../store/repositories/rota-sources.js';
import { getScheduleForUpdate } from '../../../store/repositories/schedules.js';
import type { Deps } from '../../deps.js';
import { rememberSchedule } from '../compiled-schedules.js';
import { importRotaInto } from '../import-rota.js';
import { enqueueRotaCheck } from './check-job.js';
import { downloadRota, type RotaDownload } from './download-rota.js';
import { openSourceUrl } from './source-url.js';

/**
 * Why a check runs: the periodic job (which must still be the source's current one, and
 * retries a failed download until its last attempt) or someone asking to sync now.
 */
export type SyncTrigger =
  | { kind: 'periodic'; generation: number; dueAt: string; lastAttempt: boolean }
  | { kind: 'manual' };

export type RotaSyncAttempt =
  | { kind: 'recorded'; outcome: RotaCheckOutcome; message: string }
  /** A periodic check whose download failed before its last attempt: nothing was recorded. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  /** The source was changed or removed since the check was enqueued. */
  | { kind: 'stale' };

/**
 * Checks a rota source once: downloads the sheet (outside any transaction), then in one
 * transaction applies it through the manual import's own path and records the outcome;
 * a periodic check enqueues the next one in that same transaction. A file that cannot be
 * downloaded completely, is not CSV, or is refused by the import changes nothing, so a
 * bad file never empties the schedule.
 */
export async function syncRotaSource(deps: Deps, sourceId: string, trigger: SyncTrigger, signal?: AbortSignal): Promise<RotaSyncAttempt> {
  const source = await findRotaSource(deps.db, sourceId);
  if (!source || isStale(source, trigger)) return { kind: 'stale' };

  const url = openSourceUrl(deps, source);
  const download: RotaDownload = url
    ? await downloadRota(url, source.contentHash ? { etag: source.etag, lastModified: source.lastModified } : null, { now: deps.clock.now(), ...(signal && { signal }) })
    : { kind: 'refused', reason: 'the address was sealed with a secret key this server does not have (HIKESHI_SECRET_KEY); set the source again' };
  if (download.kind === 'transient' && trigger.kind === 'periodic' && !trigger.lastAttempt) {
    return { kind: 'retry', reason: download.reason, ...(download.retryAfterMs !== undefined && { retryAfterMs: download.retryAfterMs }) };
  }

  const recorded = await deps.db.transaction().execute(async (tx) => {
    const locked = await findRotaSourceForUpdate(tx, sourceId);
    if (!locked || isStale(locked, trigger)) return undefined;
    const now = deps.clock.now();
    const { check, schedule } = await decide(tx, locked, download, now);
    const next = trigger.kind === 'periodic' ? nextCheckAt(now, locked.intervalMinutes).toISOString() : locked.nextCheckAt;
    await recordRotaCheck(tx, locked.id, { ...check, checkedAt: now.toISOString(), nextCheckAt: next });
    if (trigger.kind === 'periodic') await enqueueRotaCheck(tx, { id: locked.id, generation: locked.generation, nextCheckAt: next }, now);
    return { check, schedule, source: locked, next };
  });
  if (!recorded) return { kind: 'stale' };
  if (recorded.schedule) rememberSchedule(deps.db, recorded.schedule);
  const { check, source: checked } = recorded;
  deps.logger?.info(
    { rotaSourceId: checked.id, scheduleId: checked.scheduleId, source: checked.urlMasked, outcome: check.outcome, trigger: trigger.kind, nextCheckAt: recorded.next },
    `rota source checked: ${check.message}`,
  );
  return { kind: 'recorded', outcome: check.outcome, message: check.message };
}

function isStale(source: RotaSource, trigger: SyncTrigger): boolean {
  return trigger.kind === 'periodic' && (source.generation !== trigger.generation || source.nextCheckAt !== trigger.dueAt);
}

type Decision = { check: Omit<RotaCheck, 'checkedAt' | 'nextCheckAt'>; schedule?: ScheduleRecord };

async function decide(tx: Executor, source: RotaSource, download: RotaDownload, now: Date): Promise<Decision> {
  switch (download.kind) {
    case 'not_modified':
      return { check: { outcome: 'unchanged', message: 'not modified since the last applied file (304)' } };
    case 'transient':
      return { check: { outcome: 'failed', message: `${download.reason}; the schedule is unchanged and the next check will try again` } };
    case 'refused':
      return { check: { outcome: 'refused', message: `${download.reason}; the schedule is unchanged`, report: emptyReport() } };
    case 'file':
      break;
  }
  const contentHash = createHash('sha256').update(download.text).digest('hex');
  if (contentHash === source.contentHash) {
    return { check: { outcome: 'unchanged', message: 'the file is the same as the last applied one' } };
  }
  const changedAt = now.toISOString();
  const schedule = await getScheduleForUpdate(tx, source.scheduleId);
  try {
    const options = { mode: source.mode, role: source.role, dryRun: false, ...(source.columns && { columns: source.columns }) };
    const result = await importRotaInto(tx, schedule, download.text, options, now);
    const { applied, replaced, problems, ignoredColumns } = result.answer;
    const skipped = problems.length ? `; ${problems.length} ${problems.length === 1 ? 'row was' : 'rows were'} not applied` : '';
    return {
      schedule: result.schedule,
      check: {
        outcome: 'applied',
        message: `applied ${applied} ${applied === 1 ? 'shift' : 'shifts'}${skipped}`,
        report: { applied, replaced, problems, ignoredColumns },
        changedAt,
        applied: { at: changedAt, etag: download.etag, lastModified: download.lastModified, contentHash },
      },
    };
  } catch (error) {
    if (error instanceof RotaRefusedError) {
      return { check: { outcome: 'refused', message: error.message, report: { ...emptyReport(), problems: [...error.problems] }, changedAt } };
    }
    if (error instanceof ValidationError) {
      return { check: { outcome: 'refused', message: `The rota was not imported and the schedule is unchanged: ${error.field} ${error.reason}`, report: emptyReport(), changedAt } };
    }
    throw error;
  }
}

function emptyReport(): RotaFileReport {
  return { applied: 0, replaced: 0, problems: [], ignoredColumns: [] };
}
