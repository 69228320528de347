import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { listGaps } from '../../src/store/repositories/sli-data.js';
import { findPullState } from '../../src/store/repositories/slo-states.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { engines } from '../helpers/databases.js';

const MIN = 60_000;
/** The series run from START to END (15 s samples); the test's clock sits at NOW. */
const NOW = Date.parse('2026-11-20T09:00:00Z');
const START = NOW - 120 * MIN;
const END = NOW + 30 * MIN;
/** Minutes 08:00–08:04 fail 10 of their 100 requests; every other minute has 100 good ones. */
const errorsIn = (minute: number) => (minute >= NOW - 60 * MIN && minute < NOW - 55 * MIN ? 10 : 0);
const iso = (ms: number) => new Date(ms).toISOString();

/** Counters growing linearly inside each minute, as OpenMetrics with timestamps, for promtool to backfill. */
function openMetrics(): string {
  const lines = ['# TYPE http_requests counter'];
  let ok = 0;
  let failed = 0;
  for (let at = START; at <= END; at += 15_000) {
    lines.push(`http_requests_total{code="200"} ${ok} ${at / 1000}`, `http_requests_total{code="500"} ${failed} ${at / 1000}`);
    const minute = at - (at % MIN);
    ok += (100 - errorsIn(minute)) / 4;
    failed += errorsIn(minute) / 4;
  }
  return `${lines.join('\n')}\n# EOF\n`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startPrometheus(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn('/usr/bin/prometheus', [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    '--storage.tsdb.retention.time=3650d',
    `--web.listen-address=127.0.0.1:${port}`,
  ], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/-/ready`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('prometheus did not become ready');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

describe.each(engines)('SLO pulled from a real Prometheus (%s)', (engine) => {
  let dir: string;
  let port: number;
  let prometheus: ChildProcess;
  let slow: Server;
  let app: TestApp;
  let runner: JobRunner;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hikeshi-prom-'));
    writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\nscrape_configs: []\n');
    writeFileSync(join(dir, 'series.om'), openMetrics());
    const backfill = spawnSync('/usr/bin/promtool', ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'series.om'), join(dir, 'data')], { encoding: 'utf8' });
    expect(backfill.status, backfill.stderr).toBe(0);
    port = await freePort();
    prometheus = await startPrometheus(dir, port);
    // A Prometheus that never answers in time.
    slow = createServer(() => undefined).listen(0, '127.0.0.1');
    app = await startTestApp(engine, { settings: { ...DEFAULT_SETTINGS, prometheus: { url: `http://127.0.0.1:${port}`, timeoutSeconds: 5 } } });
    runner = new JobRunner({ database: app.database, clock: app.clock, handlers: createJobHandlers({ deps: app.deps }), random: () => 0.5 });
    app.clock.set(new Date(NOW + 75_000));
    expect((await app.api('POST', '/api/v1/services', { name: 'checkout' })).statusCode).toBe(201);
    const saved = await app.api('POST', '/api/v1/slos', {
      id: 'checkout-availability',
      service: 'checkout',
      objective: 99,
      window: '7d',
      sli: { prometheus: { bad: 'sum(increase(http_requests_total{code="500"}[1m]))', total: 'sum(increase(http_requests_total[1m]))' } },
    });
    expect(saved.statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    if (prometheus) await stop(prometheus);
    slow?.closeAllConnections();
    slow?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const minutes = () => app.deps.db.selectFrom('sli_minutes').select(['minute', 'good', 'total']).where('slo_id', '=', 'checkout-availability').orderBy('minute').execute();

  it('pulls the series and shows the attainment and remaining budget the same series give by hand', async () => {
    await runner.runDue();
    const rows = await minutes();
    // 07:00–08:59: 120 minutes of 100 requests; 5 minutes with 10 failures each.
    expect(rows).toHaveLength(120);
    expect([iso(Number(rows[0]!.minute)), iso(Number(rows.at(-1)!.minute))]).toEqual([iso(START), iso(NOW - MIN)]);
    const total = rows.reduce((sum, r) => sum + Number(r.total), 0);
    const good = rows.reduce((sum, r) => sum + Number(r.good), 0);
    expect(total).toBeCloseTo(12_000, 6);
    expect(good).toBeCloseTo(11_950, 6);

    const status = (await app.api('GET', '/api/v1/slos/checkout-availability')).json().status;
    expect(status.attainment).toBeCloseTo(11_950 / 12_000, 9);
    // Budget: 1 % of 12,000 events = 120 bad events; 50 spent; 70 left (58.3 %).
    expect(status.budget).toBeCloseTo(120, 6);
    expect(status.consumed).toBeCloseTo(50, 6);
    expect(status.remaining).toBeCloseTo(70, 6);
    expect(status.remainingFraction).toBeCloseTo(70 / 120, 9);
    expect(status.estimated).toBe(false);
    // The week before the series began had no points: a gap, never good minutes.
    const gaps = await listGaps(app.deps.db, 'checkout-availability', { start: NOW - 8 * 24 * 60 * MIN, end: NOW });
    expect(gaps.map((g) => g.reason)).toEqual(['no_points']);
    expect(gaps[0]!.end).toBe(START);
    expect(await findPullState(app.deps.db, 'checkout-availability')).toMatchObject({ pulledUntil: NOW, failures: 0 });
  });

  it('Prometheus stopped: the minutes are a gap, not good minutes; a timeout is a gap too, and both are retried with backoff', async () => {
    await stop(prometheus);
    app.clock.set(new Date(NOW + 2 * MIN + 15_000));
    await runner.runDue();
    expect(await minutes()).toHaveLength(120);
    let gaps = await listGaps(app.deps.db, 'checkout-availability', { start: NOW, end: NOW + 10 * MIN });
    expect(gaps.map((g) => [iso(g.start), iso(g.end), g.reason])).toEqual([[iso(NOW), iso(NOW + MIN), 'prometheus_down']]);
    expect(await findPullState(app.deps.db, 'checkout-availability')).toMatchObject({ pulledUntil: NOW, failures: 1 });

    app.deps.settings.prometheus = { url: `http://127.0.0.1:${(slow.address() as { port: number }).port}`, timeoutSeconds: 0.3 };
    app.clock.set(new Date(NOW + 3 * MIN + 15_000));
    await runner.runDue();
    gaps = await listGaps(app.deps.db, 'checkout-availability', { start: NOW, end: NOW + 10 * MIN });
    expect(gaps.map((g) => [iso(g.start), iso(g.end), g.reason])).toEqual([[iso(NOW), iso(NOW + 2 * MIN), 'timeout']]);
    expect(await findPullState(app.deps.db, 'checkout-availability')).toMatchObject({ pulledUntil: NOW, failures: 2 });
    expect(await minutes()).toHaveLength(120);

    // Within the backoff (2 minutes after the second failure) the timer does not call Prometheus.
    app.deps.settings.prometheus = { url: `http://127.0.0.1:${port}`, timeoutSeconds: 5 };
    prometheus = await startPrometheus(dir, port);
    app.clock.set(new Date(NOW + 4 * MIN + 15_000));
    await runner.runDue();
    expect(await findPullState(app.deps.db, 'checkout-availability')).toMatchObject({ pulledUntil: NOW, failures: 2 });

    // After it, the retry fills the missed minutes with the real data and clears the gap.
    app.clock.set(new Date(NOW + 5 * MIN + 15_000));
    await runner.runDue();
    const rows = await minutes();
    expect(rows.slice(120).map((r) => [iso(Number(r.minute)), Number(r.good), Number(r.total)])).toEqual(
      [0, 1, 2, 3].map((i) => [iso(NOW + i * MIN), expect.closeTo(100, 6), expect.closeTo(100, 6)]),
    );
    expect(await listGaps(app.deps.db, 'checkout-availability', { start: NOW, end: NOW + 10 * MIN })).toEqual([]);
    expect(await findPullState(app.deps.db, 'checkout-availability')).toMatchObject({ pulledUntil: NOW + 4 * MIN, failures: 0 });
  }, 60_000);
});
