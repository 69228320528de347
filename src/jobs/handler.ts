import type { Logger } from 'pino';
import type { DatabaseHandle } from '../store/database.js';

/** What a runner needs of the database: the Kysely instance and which engine it is. */
export type JobDatabase = Pick<DatabaseHandle, 'db' | 'engine'>;

export interface JobContext {
  jobId: number;
  kind: string;
  /** 1 on the first run; the runner has already counted this attempt. */
  attempt: number;
  maxAttempts: number;
  /** The runner's clock when the attempt started: use it instead of `new Date()`. */
  now: Date;
  /** The database handle: open your own transaction (`ctx.database.db.transaction()`). */
  database: JobDatabase;
  /**
   * Aborted when this attempt's lease runs out: another worker may take the job over and
   * this attempt's outcome will be ignored. Pass it to fetch / Slack calls.
   */
  signal: AbortSignal;
  /** Already bound to the job id and kind; never log the payload or secrets. */
  logger?: Logger;
}

/**
 * Runs one attempt of a job. Resolve when done; throw `RetryableError` (429 / 5xx, with
 * Retry-After) or any error to retry with backoff, `PermanentError` to fail at once.
 * Handlers must be idempotent: after a crash or a lost lease the job runs again.
 */
export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;

/** The runner's view of a registry: any kind name to a handler of some payload type. */
export type JobHandlerMap = { readonly [kind: string]: JobHandler<never> | undefined };
