import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import {
  claimDueJobs,
  markFailed,
  markSucceeded,
  reclaimExpiredLeases,
  scheduleRetry,
  UNREADABLE_PAYLOAD,
  type Attempt,
  type Job,
} from '../store/repositories/jobs.js';
import { retryDelayMs } from './backoff.js';
import { describeJobError, PermanentError, RetryableError } from './errors.js';
import type { JobContext, JobDatabase, JobHandlerMap } from './handler.js';

export interface JobRunnerOptions {
  database: JobDatabase;
  clock: Clock;
  /** Usually `createJobHandlers(deps)` from kinds.ts. */
  handlers: JobHandlerMap;
  /** Names this worker in `locked_by`; default `<host>:<pid>:<random>`. */
  workerId?: string;
  logger?: Logger;
  /** Pause between polls when `start()`ed; default 1 s. */
  pollIntervalMs?: number;
  /** How long a claim holds a job before another worker may take it over; default 5 min. */
  leaseMs?: number;
  /** Jobs claimed (and run concurrently) per statement; default 10. */
  batchSize?: number;
  /** Source of jitter in [0, 1); tests pass `() => 0.5` for exact backoff. */
  random?: () => number;
}

type Outcome =
  | { type: 'succeeded' }
  | { type: 'retry'; error: string; delayMs: number }
  | { type: 'failed'; error: string };

/**
 * Claims due jobs from the database and runs their handlers. Any number of runners may
 * share one database (Postgres: FOR UPDATE SKIP LOCKED); each job is claimed by one at a
 * time. A job whose worker died (kill -9) is reclaimed once its lease runs out.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly database: JobDatabase;
  private readonly clock: Clock;
  private readonly handlers: JobHandlerMap;
  private readonly kinds: string[];
  private readonly logger: Logger | undefined;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private stopping = false;
  private readonly inFlight = new Set<Promise<number>>();

  constructor(options: JobRunnerOptions) {
    this.database = options.database;
    this.clock = options.clock;
    this.handlers = options.handlers;
    this.kinds = Object.keys(options.handlers);
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.logger = options.logger?.child({ component: 'jobs', workerId: this.workerId });
    this.pollIntervalMs = positive('pollIntervalMs', options.pollIntervalMs ?? 1_000);
    this.leaseMs = positive('leaseMs', options.leaseMs ?? 5 * 60_000);
    this.batchSize = positive('batchSize', options.batchSize ?? 10);
    this.random = options.random ?? Math.random;
  }

  /** Polls in the background until `stop()`. The timer does not keep the process alive. */
  start(): void {
    if (this.polling) return;
    this.polling = true;
    this.stopping = false;
    this.schedule(0);
  }

  /** Stops polling and claiming, and waits for the jobs already running to finish. */
  async stop(): Promise<void> {
    this.polling = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Claims and runs everything due now, batch after batch, until nothing is due (jobs
   * that handlers enqueue for now run too). Returns how many attempts were run. Tests
   * call this after moving a ManualClock; it does nothing once `stop()` was called.
   */
  async runDue(): Promise<number> {
    const run = this.drain();
    this.inFlight.add(run);
    try {
      return await run;
    } finally {
      this.inFlight.delete(run);
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.poll(), delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    try {
      await this.runDue();
    } catch (error) {
      // The database is unreachable or similar: try again on the next poll.
      this.logger?.error({ err: describeJobError(error) }, 'job poll failed');
    }
    if (this.polling) this.schedule(this.pollIntervalMs);
  }

  private async drain(): Promise<number> {
    if (this.stopping) return 0;
    const { db, engine } = this.database;
    const reclaimed = await reclaimExpiredLeases(db, this.clock.now());
    if (reclaimed.requeued || reclaimed.failed) {
      this.logger?.warn(reclaimed, 'reclaimed jobs whose worker stopped before its lease ran out');
    }
    let ran = 0;
    while (!this.stopping) {
      const jobs = await claimDueJobs(db, engine, {
        workerId: this.workerId,
        now: this.clock.now(),
        leaseMs: this.leaseMs,
        limit: this.batchSize,
        kinds: this.kinds,
      });
      if (!jobs.length) break;
      await Promise.all(jobs.map((job) => this.runJob(job)));
      ran += jobs.length;
    }
    return ran;
  }

  private async runJob(job: Job): Promise<void> {
    const logger = this.logger?.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    const outcome = await this.attempt(job, logger);
    const claim: Attempt = { id: job.id, attempt: job.attempts };
    const { db } = this.database;
    const now = this.clock.now();
    try {
      let kept: boolean;
      if (outcome.type === 'succeeded') {
        kept = await markSucceeded(db, claim, now);
        if (kept) logger?.info('job succeeded');
      } else if (outcome.type === 'retry') {
        kept = await scheduleRetry(db, claim, new Date(now.getTime() + outcome.delayMs), outcome.error);
        if (kept) logger?.warn({ err: outcome.error, retryInMs: outcome.delayMs }, 'job attempt failed; will retry');
      } else {
        kept = await markFailed(db, claim, now, outcome.error);
        if (kept) logger?.error({ err: outcome.error }, 'job failed');
      }
      if (!kept) logger?.warn({ outcome: outcome.type }, 'job lease was lost to another worker; outcome ignored');
    } catch (error) {
      // The row stays running; once the lease runs out another poll reclaims it.
      logger?.error({ err: describeJobError(error), outcome: outcome.type }, 'could not record job outcome');
    }
  }

  private async attempt(job: Job, logger: Logger | undefined): Promise<Outcome> {
    const handler = Object.hasOwn(this.handlers, job.kind) ? this.handlers[job.kind] : undefined;
    if (!handler) {
      return { type: 'failed', error: `no handler is registered for job kind "${job.kind}" (see src/jobs/kinds.ts)` };
    }
    if (job.payload === UNREADABLE_PAYLOAD) return { type: 'failed', error: 'the job payload is not valid JSON' };
    const lease = new AbortController();
    const leaseTimer = setTimeout(() => lease.abort(new Error('job lease expired')), this.leaseMs);
    leaseTimer.unref();
    const ctx: JobContext = {
      jobId: job.id,
      kind: job.kind,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      now: this.clock.now(),
      database: this.database,
      signal: lease.signal,
      ...(logger ? { logger } : {}),
    };
    try {
      await handler(job.payload as never, ctx);
      return { type: 'succeeded' };
    } catch (error) {
      const text = describeJobError(error);
      if (error instanceof PermanentError || job.attempts >= job.maxAttempts) return { type: 'failed', error: text };
      const retryAfterMs = error instanceof RetryableError ? error.retryAfterMs : undefined;
      return { type: 'retry', error: text, delayMs: retryDelayMs(job.attempts, this.random(), retryAfterMs) };
    } finally {
      clearTimeout(leaseTimer);
    }
  }
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`JobRunner ${name} must be a positive number`);
  return value;
}
