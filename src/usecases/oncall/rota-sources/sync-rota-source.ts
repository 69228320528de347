import { createHash } from 'node:crypto';
import { nextCheckAt } from '../../../domain/oncall/rota-fetch-policy.js';
import type { ScheduleRecord } from '../../../domain/oncall/schedule-record.js';
import { RotaRefusedError, ValidationError, type LineProblem } from '../../../errors.js';
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
import { importRotaInto, type ImportRotaResult } from '../import-rota.js';
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
  /** The source was changed or removed since the check was enqueued or while it ran. */
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
    ? await downloadRota(url, cleanlyApplied(source) ? { etag: source.etag, lastModified: source.lastModified } : null, { now: deps.clock.now(), ...(signal && { signal }) })
    : { kind: 'refused', reason: 'the address was sealed with a secret key this server does not have (HIKESHI_SECRET_KEY); set the source again' };
  if (download.kind === 'transient' && trigger.kind === 'periodic' && !trigger.lastAttempt) {
    return { kind: 'retry', reason: download.reason, ...(download.retryAfterMs !== undefined && { retryAfterMs: download.retryAfterMs }) };
  }

  const recorded = await deps.db.transaction().execute(async (tx) => {
    const locked = await findRotaSourceForUpdate(tx, sourceId);
    // Changed while downloading (a new address or mode): this download is not for it.
    if (!locked || isStale(locked, trigger) || locked.generation !== source.generation) return undefined;
    const now = deps.clock.now();
    const { check, schedule } = await decide(tx, deps, locked, download, now);
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

/**
 * Whether the last applied file is also the one reported, with every row applied: only
 * then may the server answer 304. A file with rows not applied is read again at each
 * check, so a row naming someone who has joined since applies then.
 */
function cleanlyApplied(source: RotaSource): boolean {
  return source.contentHash !== null && source.lastReport?.contentHash === source.contentHash && source.lastReport.problems.length === 0;
}

type Decision = { check: Omit<RotaCheck, 'checkedAt' | 'nextCheckAt'>; schedule?: ScheduleRecord };

async function decide(tx: Executor, deps: Deps, source: RotaSource, download: RotaDownload, now: Date): Promise<Decision> {
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
  const unchanged = { outcome: 'unchanged', message: 'the file is the same as the last applied one' } as const;
  if (contentHash === source.contentHash && cleanlyApplied(source)) return { check: unchanged };

  const schedule = await getScheduleForUpdate(tx, source.scheduleId);
  const options = { mode: source.mode, role: source.role, ...(source.columns && { columns: source.columns }) };
  try {
    if (contentHash === source.contentHash) {
      // The file applied last, with rows left out then: apply it again only if that changes what is left out.
      const trial = reportOf((await importRotaInto(tx, deps, schedule, download.text, { ...options, dryRun: true })).answer, contentHash);
      const reported = source.lastReport?.contentHash === contentHash ? source.lastReport : undefined;
      if (!reported || sameProblems(trial.problems, reported.problems)) return { check: { ...unchanged, report: trial } };
    }
    const result = await importRotaInto(tx, deps, schedule, download.text, { ...options, dryRun: false });
    const report = reportOf(result.answer, contentHash);
    const skipped = report.problems.length ? `; ${report.problems.length} ${report.problems.length === 1 ? 'row was' : 'rows were'} not applied` : '';
    return {
      schedule: result.schedule,
      check: {
        outcome: 'applied',
        message: `applied ${report.applied} ${report.applied === 1 ? 'shift' : 'shifts'}${skipped}`,
        report,
        ...changed(source, contentHash, now),
        applied: { at: now.toISOString(), etag: download.etag, lastModified: download.lastModified, contentHash },
      },
    };
  } catch (error) {
    if (error instanceof RotaRefusedError) {
      const report = { ...emptyReport(), contentHash, problems: [...error.problems] };
      return { check: { outcome: 'refused', message: error.message, report, ...changed(source, contentHash, now) } };
    }
    if (error instanceof ValidationError) {
      const message = `The rota was not imported and the schedule is unchanged: ${error.field} ${error.reason}`;
      return { check: { outcome: 'refused', message, report: { ...emptyReport(), contentHash }, ...changed(source, contentHash, now) } };
    }
    throw error;
  }
}

/** A file counts as changed when it is neither the last applied nor the last reported one. */
function changed(source: RotaSource, contentHash: string, now: Date): { changedAt?: string } {
  return contentHash === source.contentHash || contentHash === source.lastReport?.contentHash ? {} : { changedAt: now.toISOString() };
}

/** Compared field by field: Postgres (jsonb) gives the stored problems back with their keys reordered. */
function sameProblems(a: readonly LineProblem[], b: readonly LineProblem[]): boolean {
  const key = (p: LineProblem) => JSON.stringify([p.line, p.code, p.column ?? null, p.value ?? null, p.message]);
  return a.length === b.length && a.every((p, i) => key(p) === key(b[i]!));
}

function reportOf(answer: ImportRotaResult, contentHash: string): RotaFileReport {
  return { contentHash, applied: answer.applied, replaced: answer.replaced, problems: answer.problems, ignoredColumns: answer.ignoredColumns };
}

function emptyReport(): RotaFileReport {
  return { contentHash: null, applied: 0, replaced: 0, problems: [], ignoredColumns: [] };
}
