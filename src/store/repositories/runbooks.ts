import type { RunState } from '../../domain/runbooks/run-state.js';
import type { RunbookDefinition } from '../../domain/runbooks/types.js';
import { NotFoundError } from '../../errors.js';
import { supportsRowLocks, type Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { Database } from '../schema.js';
import type { Selectable } from 'kysely';

export type RunbookSource = 'file' | 'api';

export interface StoredRunbook {
  id: string;
  source: RunbookSource;
  /** The file it was read from (source 'file'). */
  file: string | null;
  /** The YAML text it came as, when it came as text. */
  yaml: string | null;
  definition: RunbookDefinition;
  version: string;
  updatedAt: string;
}

export interface StoredRun {
  id: string;
  incidentId: string;
  runbookId: string;
  /** The definition as it was when the run started. */
  definition: RunbookDefinition;
  state: RunState;
  /** Grows with every move; the Slack message shows the latest. */
  revision: number;
  /** A user id, an API token's name, or `system` for a run a trigger started. */
  startedBy: string | null;
  slackChannel: string | null;
  slackTs: string | null;
  createdAt: string;
  updatedAt: string;
}

export async function listRunbooks(tx: Executor): Promise<StoredRunbook[]> {
  const rows = await tx.selectFrom('runbooks').selectAll().orderBy('id').execute();
  return rows.map(toRunbook);
}

export async function findRunbook(tx: Executor, id: string): Promise<StoredRunbook | undefined> {
  const row = await tx.selectFrom('runbooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRunbook(row);
}

export async function upsertRunbook(tx: Executor, runbook: StoredRunbook): Promise<void> {
  const row = {
    id: runbook.id,
    source: runbook.source,
    file: runbook.file,
    yaml: runbook.yaml,
    definition: encodeJson(runbook.definition),
    version: runbook.version,
    updated_at: runbook.updatedAt,
  };
  const { id: _id, ...changes } = row;
  await tx.insertInto('runbooks').values(row).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();
}

export async function deleteRunbook(tx: Executor, id: string): Promise<void> {
  await tx.deleteFrom('runbooks').where('id', '=', id).execute();
}

/** Removes the file runbooks not among `keep` (their file was removed or refused). */
export async function deleteFileRunbooksExcept(tx: Executor, keep: readonly string[]): Promise<string[]> {
  let query = tx.selectFrom('runbooks').select('id').where('source', '=', 'file');
  if (keep.length) query = query.where('id', 'not in', [...keep]);
  const gone = (await query.execute()).map((row) => row.id);
  if (gone.length) await tx.deleteFrom('runbooks').where('id', 'in', gone).execute();
  return gone;
}

export async function insertRun(tx: Executor, run: StoredRun): Promise<void> {
  await tx.insertInto('runbook_runs').values(toRunRow(run)).execute();
}

/** Stores a run's new state (and the next revision). */
export async function updateRunState(tx: Executor, run: StoredRun): Promise<void> {
  await tx
    .updateTable('runbook_runs')
    .set({ state: encodeJson(run.state), status: run.state.status, revision: run.revision, updated_at: run.updatedAt })
    .where('id', '=', run.id)
    .execute();
}

export async function setRunMessage(tx: Executor, runId: string, channel: string, ts: string): Promise<void> {
  await tx.updateTable('runbook_runs').set({ slack_channel: channel, slack_ts: ts }).where('id', '=', runId).execute();
}

export async function findRun(tx: Executor, id: string): Promise<StoredRun | undefined> {
  const row = await tx.selectFrom('runbook_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRun(row);
}

/** Reads a run and, on Postgres, locks its row until the transaction ends. */
export async function getRunForUpdate(tx: Executor, id: string): Promise<StoredRun> {
  let query = tx.selectFrom('runbook_runs').selectAll().where('id', '=', id);
  if (supportsRowLocks(tx)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('runbook run', id);
  return toRun(row);
}

export async function listIncidentRuns(tx: Executor, incidentId: string): Promise<StoredRun[]> {
  const rows = await tx.selectFrom('runbook_runs').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toRun);
}

function toRunbook(row: Selectable<Database['runbooks']>): StoredRunbook {
  return {
    id: row.id,
    source: row.source,
    file: row.file,
    yaml: row.yaml,
    definition: decodeJson<RunbookDefinition>(row.definition),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function toRunRow(run: StoredRun) {
  return {
    id: run.id,
    incident_id: run.incidentId,
    runbook_id: run.runbookId,
    definition: encodeJson(run.definition),
    version: run.state.version,
    state: encodeJson(run.state),
    status: run.state.status,
    revision: run.revision,
    started_by: run.startedBy,
    slack_channel: run.slackChannel,
    slack_ts: run.slackTs,
    created_at: run.createdAt,
    updated_at: run.updatedAt,
  };
}

function toRun(row: Selectable<Database['runbook_runs']>): StoredRun {
  return {
    id: row.id,
    incidentId: row.incident_id,
    runbookId: row.runbook_id,
    definition: decodeJson<RunbookDefinition>(row.definition),
    state: decodeJson<RunState>(row.state),
    revision: row.revision,
    startedBy: row.started_by,
    slackChannel: row.slack_channel,
    slackTs: row.slack_ts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
