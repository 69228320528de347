import type { Engine, Executor } from '../database.js';
import { decodeJson } from '../json.js';
import type { JobRow } from '../schema.js';

/**
 * All SQL of the durable job queue (src/jobs). Times are computed by the caller from its
 * Clock and passed in as Dates; they are stored as ISO-8601 UTC strings, which compare
 * correctly as text on SQLite and as timestamptz on Postgres.
 *
 * Every claim adds one to `attempts`, so (id, attempts) names one claim: the completion
 * functions below only touch a row that is still `running` under that attempt. A worker
 * whose lease expired and was taken over cannot overwrite the new owner's result.
 */

export type JobStatus = JobRow['status'];
export const JOB_STATUSES: readonly JobStatus[] = ['pending', 'running', 'succeeded', 'failed'];

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  idempotencyKey: string | null;
  status: JobStatus;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface NewJob {
  kind: string;
  /** Already JSON-encoded. */
  payload: string;
  idempotencyKey: string | null;
  runAt: Date;
  maxAttempts: number;
}

/**
 * Inserts the job unless one with the same idempotency key exists (any status).
 * Returns the new id, or undefined when the key was taken. Jobs without a key never
 * conflict (NULLs are distinct in a unique index on both engines).
 */
export async function insertJobIfAbsent(tx: Executor, job: NewJob, now: Date): Promise<number | undefined> {
  const row = await tx
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: job.payload,
      idempotency_key: job.idempotencyKey,
      status: 'pending',
      run_at: job.runAt.toISOString(),
      attempts: 0,
      max_attempts: job.maxAttempts,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now.toISOString(),
      finished_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export interface ClaimInput {
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** Only these kinds: during a rolling deploy an older instance leaves newer kinds alone. */
  kinds?: readonly string[];
}

/**
 * Claims up to `limit` due pending jobs in one statement: running, locked by the worker
 * until now + lease, attempts + 1. On Postgres the inner select takes the rows with
 * FOR UPDATE SKIP LOCKED, so concurrent workers never claim the same job and never wait
 * on each other; SQLite has one writer at a time, so the statement alone is atomic.
 * Returns the claimed jobs oldest first.
 */
export async function claimDueJobs(db: Executor, engine: Engine, input: ClaimInput): Promise<Job[]> {
  if (input.kinds?.length === 0) return [];
  const now = input.now.toISOString();
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: input.workerId,
      locked_until: new Date(input.now.getTime() + input.leaseMs).toISOString(),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'pending')
        .where('run_at', '<=', now)
        .$if(input.kinds !== undefined, (qb) => qb.where('kind', 'in', input.kinds!))
        .orderBy('run_at')
        .orderBy('id')
        .limit(input.limit)
        .$if(engine === 'postgres', (qb) => qb.forUpdate().skipLocked()),
    )
    .returningAll()
    .execute();
  return rows.map(toJob).sort((a, b) => (a.runAt === b.runAt ? a.id - b.id : a.runAt < b.runAt ? -1 : 1));
}

export interface Attempt {
  id: number;
  /** The `attempts` value the claim returned: the fencing token of that claim. */
  attempt: number;
}

/** Returns false when the claim was lost (lease expired and reclaimed). */
export async function markSucceeded(db: Executor, claim: Attempt, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'succeeded', finished_at: now.toISOString(), locked_by: null, locked_until: null })
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .where('attempts', '=', claim.attempt)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Back to pending, due again at `runAt`. Returns false when the claim was lost. */
export async function scheduleRetry(db: Executor, claim: Attempt, runAt: Date, error: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'pending', run_at: runAt.toISOString(), last_error: error, locked_by: null, locked_until: null })
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .where('attempts', '=', claim.attempt)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Final failure, no more attempts. Returns false when the claim was lost. */
export async function markFailed(db: Executor, claim: Attempt, now: Date, error: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'failed', finished_at: now.toISOString(), last_error: error, locked_by: null, locked_until: null })
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .where('attempts', '=', claim.attempt)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export const LEASE_EXPIRED_ERROR = 'lease expired: the worker stopped (crash, kill, restart) before finishing this attempt';

/**
 * Jobs left `running` after their lease ran out belong to a worker that died. Those with
 * attempts left go back to pending (keeping their run_at, so they are due at once and keep
 * their place); those without fail, so a job that kills every worker stops being retried.
 */
export async function reclaimExpiredLeases(db: Executor, now: Date): Promise<{ requeued: number; failed: number }> {
  const at = now.toISOString();
  const failed = await db
    .updateTable('jobs')
    .set({ status: 'failed', finished_at: at, last_error: LEASE_EXPIRED_ERROR, locked_by: null, locked_until: null })
    .where('status', '=', 'running')
    .where('locked_until', '<=', at)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .executeTakeFirst();
  const requeued = await db
    .updateTable('jobs')
    .set({ status: 'pending', last_error: LEASE_EXPIRED_ERROR, locked_by: null, locked_until: null })
    .where('status', '=', 'running')
    .where('locked_until', '<=', at)
    .executeTakeFirst();
  return { requeued: Number(requeued.numUpdatedRows), failed: Number(failed.numUpdatedRows) };
}

/**
 * Deletes up to `limit` jobs of one finished status that finished before `before`.
 * Returns how many were deleted; call again while it returns `limit`.
 */
export async function deleteFinishedBefore(
  db: Executor,
  status: 'succeeded' | 'failed',
  before: Date,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', status)
        .where('finished_at', '<', before.toISOString())
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countJobsByStatus(db: Executor): Promise<Record<JobStatus, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select((eb) => ['status', eb.fn.countAll<number | string | bigint>().as('count')])
    .groupBy('status')
    .execute();
  const counts: Record<JobStatus, number> = { pending: 0, running: 0, succeeded: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export async function findJob(db: Executor, id: number): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

export async function findJobByKey(db: Executor, idempotencyKey: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

/** For tests and operators: jobs in id order, optionally of one kind or status. */
export async function listJobs(db: Executor, filter: { kind?: string; status?: JobStatus } = {}): Promise<Job[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .$if(filter.kind !== undefined, (qb) => qb.where('kind', '=', filter.kind!))
    .$if(filter.status !== undefined, (qb) => qb.where('status', '=', filter.status!))
    .orderBy('id')
    .execute();
  return rows.map(toJob);
}

/** Stands in for a payload that is not valid JSON, so one bad row cannot break a claim. */
export const UNREADABLE_PAYLOAD: unique symbol = Symbol('unreadable job payload');

function decodePayload(value: unknown): unknown {
  try {
    return decodeJson(value);
  } catch {
    return UNREADABLE_PAYLOAD;
  }
}

function toJob(row: JobRow): Job {
  return {
    id: Number(row.id),
    kind: row.kind,
    payload: decodePayload(row.payload),
    idempotencyKey: row.idempotency_key,
    status: row.status,
    runAt: row.run_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
