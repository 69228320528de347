import type { Executor } from '../../store/database.js';
import { deleteFinishedBefore } from '../../store/repositories/jobs.js';
import { purgeDeliveries } from '../../store/repositories/slack.js';
import { deleteMinutesBefore } from '../../store/repositories/sli-data.js';
import type { JobHandler } from '../handler.js';
import { enqueue } from '../queue.js';

/** `jobs.purgeFinished`: keeps the jobs table (and Slack's delivery ids) small. Runs daily, re-enqueueing itself. */
export type PurgeFinishedPayload = Record<string, never>;

const DAY_MS = 24 * 60 * 60 * 1_000;
export const KEEP_SUCCEEDED_MS = 7 * DAY_MS;
export const KEEP_FAILED_MS = 30 * DAY_MS;
/** Slack retries a delivery for about 5 minutes; a day of event ids recognises every retry. */
export const KEEP_SLACK_DELIVERIES_MS = DAY_MS;
/** SLI minutes outlive every burn window (3 days) and SLO window (≤ 31 days); their hour and day roll-ups stay. */
export const KEEP_SLI_MINUTES_MS = 35 * DAY_MS;
/** Daily run time, UTC: a quiet hour in most places. */
export const PURGE_HOUR_UTC = 3;
const BATCH = 1_000;

export const purgeFinished: JobHandler<PurgeFinishedPayload> = async (_payload, ctx) => {
  // Schedule tomorrow's run first, in its own statement, so the daily chain survives even
  // if this run fails for good. The key makes a retry or a second runner a no-op.
  await scheduleNextPurge(ctx.database.db, ctx.now);
  const db = ctx.database.db;
  const succeeded = await deleteAll(db, 'succeeded', new Date(ctx.now.getTime() - KEEP_SUCCEEDED_MS));
  const failed = await deleteAll(db, 'failed', new Date(ctx.now.getTime() - KEEP_FAILED_MS));
  const slackDeliveries = await purgeDeliveries(db, new Date(ctx.now.getTime() - KEEP_SLACK_DELIVERIES_MS).toISOString());
  const sliMinutes = await deleteOldSliMinutes(db, ctx.now.getTime() - KEEP_SLI_MINUTES_MS);
  ctx.logger?.info({ succeeded, failed, slackDeliveries, sliMinutes }, 'purged finished jobs');
};

/** Deletes in small batches: on SQLite one long delete would hold the only write lock. */
async function deleteAll(db: Executor, status: 'succeeded' | 'failed', before: Date): Promise<number> {
  let total = 0;
  let deleted: number;
  do {
    deleted = await deleteFinishedBefore(db, status, before, BATCH);
    total += deleted;
  } while (deleted === BATCH);
  return total;
}

async function deleteOldSliMinutes(db: Executor, before: number): Promise<number> {
  let total = 0;
  let deleted: number;
  do {
    deleted = await deleteMinutesBefore(db, before, BATCH);
    total += deleted;
  } while (deleted === BATCH);
  return total;
}

/**
 * Enqueues today's purge (due now) unless it exists; call at start-up. Safe to call from
 * every instance and on every restart: the day's key makes all but the first a no-op.
 */
export async function scheduleHousekeeping(db: Executor, now: Date): Promise<boolean> {
  return enqueue(db, 'jobs.purgeFinished', {}, { key: purgeKey(now) }, now);
}

export function purgeKey(day: Date): string {
  return `jobs.purgeFinished:${day.toISOString().slice(0, 10)}`;
}

async function scheduleNextPurge(db: Executor, now: Date): Promise<boolean> {
  const next = new Date(now);
  next.setUTCDate(next.getUTCDate() + 1);
  next.setUTCHours(PURGE_HOUR_UTC, 0, 0, 0);
  return enqueue(db, 'jobs.purgeFinished', {}, { key: purgeKey(next), runAt: next }, now);
}
