import type { Insertable, Selectable } from 'kysely';
import type { RotaMode } from '../../domain/oncall/apply-rota.js';
import type { RotaColumn, RotaRole } from '../../domain/oncall/rota-csv.js';
import type { LineProblem } from '../../errors.js';
import { supportsRowLocks, type Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { RotaSourcesTable } from '../schema.js';

type RotaSourceRow = Selectable<RotaSourcesTable>;

export type RotaCheckOutcome = 'applied' | 'unchanged' | 'refused' | 'failed';

/** What the last file that was applied or refused came to, as the manual import reports it. */
export interface RotaFileReport {
  /** SHA-256 of the file reported; null when no file was read (a 404, a web page, too large). */
  contentHash: string | null;
  applied: number;
  replaced: number;
  /** Every row not applied (or, for a refused file, every problem), by line. */
  problems: LineProblem[];
  ignoredColumns: string[];
}

/** A schedule's spreadsheet rota address and the state of its periodic check. */
export interface RotaSource {
  id: string;
  scheduleId: string;
  /** As stored: sealed (see `urlStorage`) or plain. Never shown; `urlMasked` is. */
  url: string;
  urlStorage: 'sealed' | 'plain';
  urlMasked: string;
  mode: RotaMode;
  role: RotaRole;
  columns: Record<string, RotaColumn> | null;
  intervalMinutes: number;
  generation: number;
  /** ETag, Last-Modified and SHA-256 of the last applied file. */
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  lastCheckedAt: string | null;
  lastChangedAt: string | null;
  lastAppliedAt: string | null;
  lastOutcome: RotaCheckOutcome | null;
  lastMessage: string | null;
  lastReport: RotaFileReport | null;
  nextCheckAt: string;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The outcome of one check, written with the next due time in the same statement. */
export interface RotaCheck {
  checkedAt: string;
  outcome: RotaCheckOutcome;
  message: string;
  /** Present when a new file was applied or refused; kept from before otherwise. */
  report?: RotaFileReport;
  /** Present when a file different from the last applied one arrived. */
  changedAt?: string;
  /** Present when the file was applied: its validators and hash. */
  applied?: { at: string; etag: string | null; lastModified: string | null; contentHash: string };
  nextCheckAt: string;
}

export async function findRotaSourceBySchedule(tx: Executor, scheduleId: string): Promise<RotaSource | undefined> {
  const row = await tx.selectFrom('rota_sources').selectAll().where('schedule_id', '=', scheduleId).executeTakeFirst();
  return row && fromRow(row);
}

export async function findRotaSource(tx: Executor, id: string): Promise<RotaSource | undefined> {
  const row = await tx.selectFrom('rota_sources').selectAll().where('id', '=', id).executeTakeFirst();
  return row && fromRow(row);
}

/** The source, locked against a concurrent check until the transaction ends (Postgres; SQLite serialises writers). */
export async function findRotaSourceForUpdate(tx: Executor, id: string): Promise<RotaSource | undefined> {
  let query = tx.selectFrom('rota_sources').selectAll().where('id', '=', id);
  if (supportsRowLocks(tx)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && fromRow(row);
}

export async function insertRotaSource(tx: Executor, source: RotaSource): Promise<void> {
  await tx.insertInto('rota_sources').values(toRow(source)).execute();
}

/** Replaces the address and settings; the validators and hash are cleared so the next check applies the file afresh. */
export async function updateRotaSourceSettings(
  tx: Executor,
  source: Pick<RotaSource, 'id' | 'url' | 'urlStorage' | 'urlMasked' | 'mode' | 'role' | 'columns' | 'intervalMinutes' | 'generation' | 'nextCheckAt' | 'updatedAt'>,
): Promise<void> {
  await tx
    .updateTable('rota_sources')
    .set({
      url: source.url,
      url_storage: source.urlStorage,
      url_masked: source.urlMasked,
      mode: source.mode,
      role: source.role,
      columns: source.columns === null ? null : encodeJson(source.columns),
      interval_minutes: source.intervalMinutes,
      generation: source.generation,
      etag: null,
      last_modified: null,
      content_hash: null,
      next_check_at: source.nextCheckAt,
      updated_at: source.updatedAt,
    })
    .where('id', '=', source.id)
    .execute();
}

export async function recordRotaCheck(tx: Executor, id: string, check: RotaCheck): Promise<void> {
  await tx
    .updateTable('rota_sources')
    .set({
      last_checked_at: check.checkedAt,
      last_outcome: check.outcome,
      last_message: check.message,
      next_check_at: check.nextCheckAt,
      ...(check.report && { last_result: encodeJson(check.report) }),
      ...(check.changedAt && { last_changed_at: check.changedAt }),
      ...(check.applied && {
        last_applied_at: check.applied.at,
        etag: check.applied.etag,
        last_modified: check.applied.lastModified,
        content_hash: check.applied.contentHash,
      }),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteRotaSourceBySchedule(tx: Executor, scheduleId: string): Promise<boolean> {
  const result = await tx.deleteFrom('rota_sources').where('schedule_id', '=', scheduleId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

function toRow(s: RotaSource): Insertable<RotaSourcesTable> {
  return {
    id: s.id,
    schedule_id: s.scheduleId,
    url: s.url,
    url_storage: s.urlStorage,
    url_masked: s.urlMasked,
    mode: s.mode,
    role: s.role,
    columns: s.columns === null ? null : encodeJson(s.columns),
    interval_minutes: s.intervalMinutes,
    generation: s.generation,
    etag: s.etag,
    last_modified: s.lastModified,
    content_hash: s.contentHash,
    last_checked_at: s.lastCheckedAt,
    last_changed_at: s.lastChangedAt,
    last_applied_at: s.lastAppliedAt,
    last_outcome: s.lastOutcome,
    last_message: s.lastMessage,
    last_result: s.lastReport === null ? null : encodeJson(s.lastReport),
    next_check_at: s.nextCheckAt,
    created_by_id: s.createdById,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

function fromRow(row: RotaSourceRow): RotaSource {
  return {
    id: row.id,
    scheduleId: row.schedule_id,
    url: row.url,
    urlStorage: row.url_storage,
    urlMasked: row.url_masked,
    mode: row.mode,
    role: row.role,
    columns: row.columns === null ? null : decodeJson<Record<string, RotaColumn>>(row.columns),
    intervalMinutes: Number(row.interval_minutes),
    generation: Number(row.generation),
    etag: row.etag,
    lastModified: row.last_modified,
    contentHash: row.content_hash,
    lastCheckedAt: row.last_checked_at,
    lastChangedAt: row.last_changed_at,
    lastAppliedAt: row.last_applied_at,
    lastOutcome: row.last_outcome,
    lastMessage: row.last_message,
    lastReport: row.last_result === null ? null : decodeJson<RotaFileReport>(row.last_result),
    nextCheckAt: row.next_check_at,
    createdById: row.created_by_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
