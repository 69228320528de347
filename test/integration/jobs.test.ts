import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { PermanentError, RetryableError } from '../../src/jobs/errors.js';
import type { JobHandler, JobHandlerMap } from '../../src/jobs/handler.js';
import { purgeKey, scheduleHousekeeping } from '../../src/jobs/handlers/purge-finished.js';
import { createJobHandlers, type JobKind } from '../../src/jobs/kinds.js';
import { enqueue, type EnqueueOptions } from '../../src/jobs/queue.js';
import { JobRunner, type JobRunnerOptions } from '../../src/jobs/runner.js';
import { openDatabase, type Executor } from '../../src/store/database.js';
import {
  claimDueJobs,
  countJobsByStatus,
  findJob,
  findJobByKey,
  LEASE_EXPIRED_ERROR,
  listJobs,
  reclaimExpiredLeases,
  type Job,
} from '../../src/store/repositories/jobs.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const LEASE = 5 * MINUTE;

/** Test-only kinds are not in the registry: enqueue them without its payload types. */
const enqueueAny = enqueue as unknown as (
  tx: Executor,
  kind: string,
  payload: object,
  options: EnqueueOptions,
  now: Date,
) => Promise<boolean>;

function at(clock: ManualClock, ms: number): string {
  return new Date(clock.now().getTime() + ms).toISOString();
}

describe.each(engines)('job queue on %s', (engine) => {
  let database: TestDatabase;
  let clock: ManualClock;
  const extraHandles: { db: { destroy(): Promise<void> } }[] = [];

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    clock = new ManualClock(new Date('2026-03-10T12:00:00.000Z'));
  });

  afterEach(async () => {
    for (const handle of extraHandles.splice(0)) await handle.db.destroy();
    await database.drop();
  });

  function runner(handlers: JobHandlerMap, options: Partial<JobRunnerOptions> = {}): JobRunner {
    return new JobRunner({
      database,
      clock,
      handlers,
      workerId: 'worker-a',
      leaseMs: LEASE,
      batchSize: 10,
      random: () => 0.5, // no jitter: backoff is exactly 1 s · 2^(attempt-1)
      ...options,
    });
  }

  async function add(kind: string, payload: object = {}, options: EnqueueOptions = {}): Promise<Job> {
    await enqueueAny(database.db, kind, payload, options, clock.now());
    const jobs = await listJobs(database.db);
    return jobs[jobs.length - 1]!;
  }

  async function job(id: number): Promise<Job> {
    const found = await findJob(database.db, id);
    if (!found) throw new Error(`job ${id} is gone`);
    return found;
  }

  it('a job enqueued in a transaction that rolls back leaves no row', async () => {
    await expect(
      database.db.transaction().execute(async (tx) => {
        await enqueueAny(tx, 'test.noop', { incidentId: 'i1' }, { key: 'k1' }, clock.now());
        throw new Error('the use case failed after enqueueing');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await listJobs(database.db)).toEqual([]);

    await database.db.transaction().execute(async (tx) => {
      await enqueueAny(tx, 'test.noop', { incidentId: 'i1' }, { key: 'k1' }, clock.now());
    });
    const [row] = await listJobs(database.db);
    expect(row).toMatchObject({
      kind: 'test.noop',
      payload: { incidentId: 'i1' },
      idempotencyKey: 'k1',
      status: 'pending',
      attempts: 0,
      maxAttempts: 10,
      runAt: clock.now().toISOString(),
    });
  });

  it('a second enqueue with the same key is a no-op, even in another transaction and after the first ran', async () => {
    expect(await enqueueAny(database.db, 'test.noop', { n: 1 }, { key: 'alert-ack:1' }, clock.now())).toBe(true);
    await database.db.transaction().execute(async (tx) => {
      expect(await enqueueAny(tx, 'test.noop', { n: 2 }, { key: 'alert-ack:1' }, clock.now())).toBe(false);
    });
    const calls: unknown[] = [];
    await runner({ 'test.noop': async (payload) => void calls.push(payload) }).runDue();
    expect(await enqueueAny(database.db, 'test.noop', { n: 3 }, { key: 'alert-ack:1' }, clock.now())).toBe(false);
    // Jobs without a key never collide with each other.
    expect(await enqueueAny(database.db, 'test.noop', { n: 4 }, {}, clock.now())).toBe(true);
    expect(await enqueueAny(database.db, 'test.noop', { n: 5 }, {}, clock.now())).toBe(true);

    expect(calls).toEqual([{ n: 1 }]);
    const rows = await listJobs(database.db);
    expect(rows.map((r) => [r.idempotencyKey, r.payload, r.status])).toEqual([
      ['alert-ack:1', { n: 1 }, 'succeeded'],
      [null, { n: 4 }, 'pending'],
      [null, { n: 5 }, 'pending'],
    ]);
  });

  it('a job with a future run_at does not run until the clock reaches it, to the millisecond', async () => {
    const calls: number[] = [];
    const r = runner({ 'test.noop': async (_p, ctx) => void calls.push(ctx.jobId) });
    const later = await add('test.noop', {}, { runAt: new Date(at(clock, 10 * MINUTE)) });

    expect(await r.runDue()).toBe(0);
    clock.advance(10 * MINUTE - 1);
    expect(await r.runDue()).toBe(0);
    expect((await job(later.id)).status).toBe('pending');
    clock.advance(1);
    expect(await r.runDue()).toBe(1);
    expect(calls).toEqual([later.id]);
    expect(await job(later.id)).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      finishedAt: clock.now().toISOString(),
      lockedBy: null,
      lockedUntil: null,
    });
  });

  it('retries with exponential backoff (run_at +1 s, then +2 s) and then succeeds', async () => {
    let calls = 0;
    const r = runner({
      'test.flaky': async () => {
        calls += 1;
        if (calls <= 2) throw new Error(`upstream hiccup ${calls}`);
      },
    });
    const { id } = await add('test.flaky', {}, { maxAttempts: 5 });

    expect(await r.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      runAt: at(clock, 1 * SECOND),
      lastError: 'Error: upstream hiccup 1',
      lockedBy: null,
    });
    expect(await r.runDue()).toBe(0); // not due again yet

    clock.advance(SECOND);
    expect(await r.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'pending', attempts: 2, runAt: at(clock, 2 * SECOND) });
    clock.advance(2 * SECOND - 1);
    expect(await r.runDue()).toBe(0);

    clock.advance(1);
    expect(await r.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      finishedAt: clock.now().toISOString(),
      lastError: 'Error: upstream hiccup 2', // the last failure stays for operators
    });
    expect(calls).toBe(3);
  });

  it('honours a RetryableError Retry-After longer than the backoff (Slack 429)', async () => {
    let calls = 0;
    const r = runner({
      'test.rateLimited': async () => {
        calls += 1;
        if (calls === 1) throw new RetryableError('slack rate limited (429)', 30 * SECOND);
      },
    });
    const { id } = await add('test.rateLimited');

    await r.runDue();
    expect(await job(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      runAt: at(clock, 30 * SECOND),
      lastError: 'RetryableError: slack rate limited (429)',
    });
    clock.advance(30 * SECOND - 1);
    expect(await r.runDue()).toBe(0);
    clock.advance(1);
    expect(await r.runDue()).toBe(1);
    expect((await job(id)).status).toBe('succeeded');
  });

  it('a PermanentError fails the job at once, with attempts left', async () => {
    let calls = 0;
    const r = runner({
      'test.archived': async () => {
        calls += 1;
        throw new PermanentError('channel is archived');
      },
    });
    const { id } = await add('test.archived', {}, { maxAttempts: 5 });

    await r.runDue();
    clock.advance(DAY);
    await r.runDue();
    expect(calls).toBe(1);
    expect(await job(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'PermanentError: channel is archived',
      finishedAt: at(clock, -DAY),
    });
  });

  it('fails with the last error after max attempts, and never runs again', async () => {
    let calls = 0;
    const r = runner({
      'test.broken': async () => {
        calls += 1;
        throw new RetryableError(`503 from upstream (call ${calls})`);
      },
    });
    const { id } = await add('test.broken', {}, { maxAttempts: 3 });

    for (let i = 0; i < 3; i++) {
      await r.runDue();
      clock.advance(MINUTE);
    }
    expect(await job(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'RetryableError: 503 from upstream (call 3)',
      finishedAt: at(clock, -MINUTE),
    });
    clock.advance(DAY);
    expect(await r.runDue()).toBe(0);
    expect(calls).toBe(3);
  });

  it('leaves a kind it has no handler for to a runner that has one (a rolling deploy)', async () => {
    const older = runner({ 'test.noop': async () => undefined });
    const newKind = await add('slack.notYetDeployed', { incidentId: 'i1' });
    const known = await add('test.noop');
    // A kind named like an Object.prototype member is not a handler either.
    const prototypeName = await add('toString');

    await older.runDue();
    expect(await job(newKind.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await job(prototypeName.id)).status).toBe('pending');
    expect((await job(known.id)).status).toBe('succeeded');

    const handled: string[] = [];
    const newer = runner({ 'slack.notYetDeployed': async (p: { incidentId: string }) => void handled.push(p.incidentId) });
    await newer.runDue();
    expect(handled).toEqual(['i1']);
    expect(await job(newKind.id)).toMatchObject({ status: 'succeeded', attempts: 1 });
  });

  it('recovers a job whose worker was killed mid-run once its lease expires', async () => {
    const { id } = await add('test.noop', { incidentId: 'i1' });
    // The first worker claims the job and dies (kill -9): the row stays running.
    const claimed = await claimDueJobs(database.db, engine, {
      workerId: 'killed-worker',
      now: clock.now(),
      leaseMs: LEASE,
      limit: 10,
    });
    expect(claimed.map((j) => [j.id, j.status, j.attempts, j.lockedBy])).toEqual([[id, 'running', 1, 'killed-worker']]);

    const handled: string[] = [];
    const second = runner(
      { 'test.noop': async (_p, ctx) => void handled.push(`${ctx.jobId}#${ctx.attempt}`) },
      { workerId: 'worker-b' },
    );
    clock.advance(LEASE - 1);
    expect(await second.runDue()).toBe(0); // the lease still holds
    expect((await job(id)).lockedBy).toBe('killed-worker');

    clock.advance(1);
    expect(await second.runDue()).toBe(1);
    expect(handled).toEqual([`${id}#2`]);
    expect(await job(id)).toMatchObject({ status: 'succeeded', attempts: 2, lastError: LEASE_EXPIRED_ERROR });
  });

  it('a job that kills every worker fails after max attempts instead of looping forever', async () => {
    const { id } = await add('test.poison', {}, { maxAttempts: 2 });
    for (const worker of ['killed-1', 'killed-2']) {
      await reclaimExpiredLeases(database.db, clock.now()); // what every runner does before claiming
      const claimed = await claimDueJobs(database.db, engine, { workerId: worker, now: clock.now(), leaseMs: LEASE, limit: 1 });
      expect(claimed).toHaveLength(1);
      clock.advance(LEASE);
    }
    const calls: number[] = [];
    expect(await runner({ 'test.poison': async (_p, ctx) => void calls.push(ctx.jobId) }).runDue()).toBe(0);
    expect(calls).toEqual([]);
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: LEASE_EXPIRED_ERROR });
  });

  it('a slow worker whose lease expired cannot overwrite the result of the worker that took over', async () => {
    const { id } = await add('test.slow');
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = runner(
      {
        'test.slow': async (_p, ctx) => {
          started();
          await new Promise<void>((resolve) => (release = resolve));
          if (ctx.attempt === 1) throw new Error('late failure of the stale attempt');
        },
      },
      { workerId: 'slow-worker' },
    );
    const slowRun = slow.runDue();
    await running;

    clock.advance(LEASE);
    const takeover = runner({ 'test.slow': async () => undefined }, { workerId: 'worker-b' });
    expect(await takeover.runDue()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'succeeded', attempts: 2 });

    release();
    await slowRun;
    // The stale attempt's failure (it would have scheduled a retry) was ignored.
    expect(await job(id)).toMatchObject({ status: 'succeeded', attempts: 2, lockedBy: null });
  });

  it('stop() waits for the job in flight and claims nothing after', async () => {
    await add('test.slow');
    await add('test.slow');
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let calls = 0;
    const r = runner(
      {
        'test.slow': async () => {
          calls += 1;
          started();
          await new Promise<void>((resolve) => (release = resolve));
        },
      },
      { batchSize: 1 },
    );
    r.start();
    await running;
    const stopped = r.stop();
    release();
    await stopped;
    expect(calls).toBe(1);
    expect(await countJobsByStatus(database.db)).toEqual({ pending: 1, running: 0, succeeded: 1, failed: 0 });
    expect(await r.runDue()).toBe(0);
  });

  it('two workers on separate connection pools claim each of 200 jobs exactly once', async () => {
    const total = 200;
    await database.db.transaction().execute(async (tx) => {
      for (let i = 0; i < total; i++) await enqueueAny(tx, 'test.count', { i }, {}, clock.now());
    });
    const calls = new Map<number, number>();
    const byWorker = new Map<string, number>();
    const count: JobHandler<{ i: number }> = async (_payload, ctx) => {
      calls.set(ctx.jobId, (calls.get(ctx.jobId) ?? 0) + 1);
      await new Promise((resolve) => setImmediate(resolve)); // let the other worker interleave
    };
    const workers = ['worker-a', 'worker-b'].map((workerId) => {
      const handle = openDatabase(database.url, { poolSize: 4 });
      extraHandles.push(handle);
      return new JobRunner({
        database: handle,
        clock,
        workerId,
        leaseMs: LEASE,
        batchSize: 7,
        handlers: {
          'test.count': async (payload: { i: number }, ctx) => {
            byWorker.set(workerId, (byWorker.get(workerId) ?? 0) + 1);
            await count(payload, ctx);
          },
        },
      });
    });

    const ran = await Promise.all(workers.map((w) => w.runDue()));
    expect(ran[0]! + ran[1]!).toBe(total);
    expect(calls.size).toBe(total);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(await countJobsByStatus(database.db)).toEqual({ pending: 0, running: 0, succeeded: total, failed: 0 });
    const rows = await listJobs(database.db);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    // Both workers took part (otherwise this would not test concurrency at all).
    expect(byWorker.get('worker-a')).toBeGreaterThan(0);
    expect(byWorker.get('worker-b')).toBeGreaterThan(0);
  });

  it('purge deletes succeeded jobs older than 7 days and failed ones older than 30, nothing else', async () => {
    const handlers: JobHandlerMap = {
      ...createJobHandlers({ deps: { db: database.db, engine: database.engine, clock, settings: DEFAULT_SETTINGS } }),
      'test.ok': async () => undefined,
      'test.bad': async () => {
        throw new PermanentError('gone');
      },
    };
    const r = runner(handlers);
    const start = clock.now().getTime();
    const oldOk = await add('test.ok', {}, { key: 'old-ok' });
    const oldBad = await add('test.bad');
    const farFuture = await add('test.ok', {}, { runAt: new Date(start + 60 * DAY) });
    await r.runDue();
    clock.advance(DAY);
    const edgeOk = await add('test.ok'); // finishes exactly 7 days before the purge: kept
    await r.runDue();
    clock.advance(5 * DAY);
    const newOk = await add('test.ok');
    await r.runDue();

    clock.set(new Date(start + 8 * DAY)); // 2026-03-18T12:00Z
    expect(await scheduleHousekeeping(database.db, clock.now())).toBe(true);
    expect(await scheduleHousekeeping(database.db, clock.now())).toBe(false); // every instance may call it
    await r.runDue();

    let ids = (await listJobs(database.db)).map((j) => j.id);
    expect(ids).not.toContain(oldOk.id);
    expect(ids).toEqual(expect.arrayContaining([oldBad.id, farFuture.id, edgeOk.id, newOk.id]));
    // The key of a purged job is free again.
    expect(await findJobByKey(database.db, 'old-ok')).toBeUndefined();
    // It re-enqueued itself for tomorrow 03:00 UTC.
    expect(await findJobByKey(database.db, purgeKey(clock.now()))).toMatchObject({ status: 'succeeded' });
    expect(await findJobByKey(database.db, 'jobs.purgeFinished:2026-03-19')).toMatchObject({
      kind: 'jobs.purgeFinished',
      status: 'pending',
      runAt: '2026-03-19T03:00:00.000Z',
    });

    clock.set(new Date(start + 31 * DAY)); // 2026-04-10T12:00Z: the overdue purge runs once
    expect(await r.runDue()).toBe(1);
    ids = (await listJobs(database.db)).map((j) => j.id);
    expect(ids).not.toContain(oldBad.id);
    expect(ids).not.toContain(edgeOk.id);
    expect(ids).not.toContain(newOk.id);
    expect(ids).toContain(farFuture.id); // pending jobs are never purged, however old
    const purges = await listJobs(database.db, { kind: 'jobs.purgeFinished' });
    expect(purges.map((p) => [p.idempotencyKey, p.status])).toEqual([
      ['jobs.purgeFinished:2026-03-19', 'succeeded'],
      ['jobs.purgeFinished:2026-04-11', 'pending'],
    ]);
  });

  it('rejects a payload that is not an object or too large to be ids', async () => {
    const r = (payload: unknown) => enqueueAny(database.db, 'test.noop', payload as object, {}, clock.now());
    await expect(r([1, 2])).rejects.toMatchObject({ code: 'validation.invalid_field', field: 'payload' });
    await expect(r({ record: 'x'.repeat(20_000) })).rejects.toThrow(/carry ids, not records/);
    await expect(
      enqueueAny(database.db, 'test.noop', {}, { maxAttempts: 0 }, clock.now()),
    ).rejects.toMatchObject({ field: 'maxAttempts' });
    expect(await listJobs(database.db)).toEqual([]);
  });

  it('the registry enqueues its kinds with their payload types', async () => {
    const kind: JobKind = 'jobs.purgeFinished';
    expect(await enqueue(database.db, kind, {}, { key: 'typed' }, clock.now())).toBe(true);
    expect(Object.keys(createJobHandlers({ deps: { db: database.db, engine: database.engine, clock, settings: DEFAULT_SETTINGS } }))).toContain('jobs.purgeFinished');
  });
});
