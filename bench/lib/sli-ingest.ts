// SLI ingestion through the push endpoint: minute buckets per second, sent as an SRE team's
// exporter would (batches of 60 buckets — an hour — per request), several SLOs at once. Each
// request validates its buckets and writes the minutes and their hour/day roll-ups in one
// transaction; minutes are replaced on repeat, so the run may cycle over the same hours.
import type { Engine } from '../../src/store/database.js';
import { createBenchDatabase, postgresUnavailable } from './databases.js';
import { ADMIN_TOKEN, startHikeshi } from './server.js';
import { percentile } from './stats.js';

export const SLI_BATCH = 60;
export const SLI_SLOS = 8;
export const SLI_CONCURRENCY = 4;
export const SLI_DURATION_S = Number(process.env.BENCH_SLI_SECONDS ?? 10);
const MIN = 60_000;

export interface SliIngestResult {
  slos: number;
  concurrency: number;
  batch: number;
  requests: number;
  minutes: number;
  seconds: number;
  minutesPerSecond: number;
  requestP50Ms: number;
  requestP99Ms: number;
  failures: number;
}

export async function measureSliIngest(url: string): Promise<SliIngestResult> {
  const server = await startHikeshi(url);
  const call = (method: string, path: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  try {
    if (!(await call('POST', '/api/v1/services', { name: 'bench-sli' })).ok) throw new Error('cannot create the service');
    for (let i = 0; i < SLI_SLOS; i++) {
      const res = await call('POST', '/api/v1/slos', { id: `bench-sli-${i}`, service: 'bench-sli', objective: 99.9, window: '7d', sli: { push: true } });
      if (res.status !== 201) throw new Error(`cannot create an SLO: ${res.status} ${await res.text()}`);
    }
    // The hours before now, newest first; each worker walks its own SLOs' hours.
    const lastHour = Math.floor(Date.now() / (60 * MIN)) * 60 * MIN - 60 * MIN;
    const hoursBack = 24 * 6;
    const latencies: number[] = [];
    let minutes = 0;
    let failures = 0;
    const deadline = performance.now() + SLI_DURATION_S * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SLI_CONCURRENCY }, async (_, worker) => {
        for (let n = 0; performance.now() < deadline; n++) {
          const slo = `bench-sli-${(worker + n * SLI_CONCURRENCY) % SLI_SLOS}`;
          const hour = lastHour - (Math.floor(n / SLI_SLOS) % hoursBack) * 60 * MIN;
          const buckets = Array.from({ length: SLI_BATCH }, (_, m) => ({ start: new Date(hour + m * MIN).toISOString(), good: 11_873 - (m % 7), total: 11_890 }));
          const sent = performance.now();
          const res = await call('POST', `/api/v1/slos/${slo}/events`, { buckets });
          latencies.push(performance.now() - sent);
          if (res.ok) minutes += ((await res.json()) as { accepted: number }).accepted;
          else {
            failures += 1;
            await res.text();
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      slos: SLI_SLOS,
      concurrency: SLI_CONCURRENCY,
      batch: SLI_BATCH,
      requests: latencies.length,
      minutes,
      seconds,
      minutesPerSecond: minutes / seconds,
      requestP50Ms: percentile(latencies, 50),
      requestP99Ms: percentile(latencies, 99),
      failures,
    };
  } finally {
    await server.stop();
  }
}

/** Runs the measurement on a fresh database per engine. */
export async function benchSliIngest(progress: (message: string) => void): Promise<Array<{ engine: Engine; sli?: SliIngestResult; skipped?: string }>> {
  const out: Array<{ engine: Engine; sli?: SliIngestResult; skipped?: string }> = [];
  for (const engine of ['sqlite', 'postgres'] as const) {
    if (engine === 'postgres' && (await postgresUnavailable())) {
      out.push({ engine, skipped: 'Postgres unreachable' });
      continue;
    }
    progress(`${engine}: SLI ingestion through the push endpoint (${SLI_DURATION_S} s)`);
    const database = await createBenchDatabase(engine);
    try {
      out.push({ engine, sli: await measureSliIngest(database.url) });
    } catch (error) {
      out.push({ engine, skipped: `failed: ${(error as Error).message}` });
    } finally {
      await database.drop();
    }
  }
  return out;
}

export function printSliIngest(results: ReadonlyArray<{ engine: string; sli?: SliIngestResult; skipped?: string }>): void {
  console.log(`\nSLI ingestion (POST /api/v1/slos/{id}/events, ${SLI_BATCH} minute buckets per request, ${SLI_SLOS} SLOs, ${SLI_CONCURRENCY} requests in flight; minutes and roll-ups in one transaction each)`);
  const rows = [['server', 'minute buckets/s', 'requests', 'request p50', 'p99', 'failures']];
  for (const r of results) {
    if (!r.sli) {
      rows.push([r.engine, r.skipped ?? 'skipped', '', '', '', '']);
      continue;
    }
    const s = r.sli;
    rows.push([r.engine, Math.round(s.minutesPerSecond).toLocaleString('en-US'), String(s.requests), `${s.requestP50Ms.toFixed(1)} ms`, `${s.requestP99Ms.toFixed(1)} ms`, String(s.failures)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) console.log(`  ${row.map((cell, c) => cell.padEnd(widths[c]!)).join('   ')}`);
}
