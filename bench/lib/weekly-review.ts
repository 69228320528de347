// The weekly review over a long-lived install (DESIGN.md: <= 500 ms): 100,000 incidents over a
// year on 20 services, 200 SLOs with 30 days of minute data (and their hour/day roll-ups), and
// the per-incident budget rows of the last month. The review (JSON, organisation scope) is read
// through its use case, as the route does, several times.
import { sql } from 'kysely';
import { ManualClock } from '../../src/clock.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { declareIncident } from '../../src/domain/incidents/declare.js';
import type { Incident } from '../../src/domain/incidents/incident.js';
import type { SloDefinition } from '../../src/domain/slo/definition.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type MinuteBucket } from '../../src/domain/slo/types.js';
import { newId } from '../../src/ids.js';
import { openDatabase, type Engine } from '../../src/store/database.js';
import { replaceIncidentSloImpacts } from '../../src/store/repositories/incident-slo-impacts.js';
import { insertIncident } from '../../src/store/repositories/incidents.js';
import { writeMinutes } from '../../src/store/repositories/sli-data.js';
import { upsertSlo } from '../../src/store/repositories/slos.js';
import { createService } from '../../src/usecases/catalog/services.js';
import type { Deps } from '../../src/usecases/deps.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { getWeeklyReview } from '../../src/usecases/reports/weekly-review.js';
import { createBenchDatabase, migrateBenchDatabase, postgresUnavailable } from './databases.js';
import { percentile } from './stats.js';

export const REVIEW_INCIDENTS = Number(process.env.BENCH_REVIEW_INCIDENTS ?? 100_000);
export const REVIEW_SLOS = Number(process.env.BENCH_REVIEW_SLOS ?? 200);
const SERVICES = 20;
const DATA_DAYS = 30;
const RUNS = 7;
/** The review is read on Monday 10:00 JST, for the week just ended. */
const NOW = Date.parse('2026-11-30T01:00:00Z');
const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

export interface WeeklyReviewBench {
  engine: Engine;
  incidents: number;
  slos: number;
  minutes: number;
  seedSeconds: number;
  weekIncidents: number;
  jsonKb: number;
  p50Ms: number;
  maxMs: number;
  budgetMs: number;
}

export async function benchWeeklyReview(progress: (message: string) => void): Promise<Array<WeeklyReviewBench | { engine: Engine; skipped: string }>> {
  const out: Array<WeeklyReviewBench | { engine: Engine; skipped: string }> = [];
  const engines: Engine[] = process.env.BENCH_REVIEW_POSTGRES === '1' ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const engine of engines) {
    if (engine === 'postgres' && (await postgresUnavailable())) {
      out.push({ engine, skipped: 'Postgres unreachable' });
      continue;
    }
    const database = await createBenchDatabase(engine);
    try {
      out.push(await measure(database.url, engine, progress));
    } catch (error) {
      out.push({ engine, skipped: `failed: ${(error as Error).stack ?? error}` });
    } finally {
      await database.drop();
    }
  }
  return out;
}

async function measure(url: string, engine: Engine, progress: (message: string) => void): Promise<WeeklyReviewBench> {
  const handle = openDatabase(url, { poolSize: 4 });
  await migrateBenchDatabase(handle.db, engine);
  const settings = { ...DEFAULT_SETTINGS, reports: { timeZone: 'Asia/Tokyo' } };
  const deps: Deps = { db: handle.db, engine, clock: new ManualClock(new Date(NOW)), settings };
  try {
    const started = performance.now();
    const random = mulberry32(7);
    const services: string[] = [];
    for (let i = 0; i < SERVICES; i++) services.push((await createService(deps, { name: `svc-${i}` }, SYSTEM_PRINCIPAL)).id);

    progress(`${engine}: weekly review — ${REVIEW_INCIDENTS.toLocaleString('en')} incidents`);
    const yearStart = NOW - 365 * DAY_MS;
    const recent: Array<{ id: string; service: number; start: number }> = [];
    for (let first = 1; first <= REVIEW_INCIDENTS; first += 1000) {
      await handle.db.transaction().execute(async (tx) => {
        for (let number = first; number < Math.min(first + 1000, REVIEW_INCIDENTS + 1); number++) {
          const declared = yearStart + (number / REVIEW_INCIDENTS) * 365 * DAY_MS;
          const service = Math.floor(random() * SERVICES);
          const incident = makeIncident(number, declared, services[service]!, random);
          await insertIncident(tx, incident);
          if (declared > NOW - DATA_DAYS * DAY_MS) recent.push({ id: incident.id, service, start: Date.parse(incident.impactStartedAt!) });
        }
      });
    }

    progress(`${engine}: weekly review — ${REVIEW_SLOS} SLOs × ${DATA_DAYS} days of minutes`);
    const slos: SloDefinition[] = [];
    const dataStart = Math.floor((NOW - DATA_DAYS * DAY_MS) / DAY_MS) * DAY_MS;
    let minutes = 0;
    for (let i = 0; i < REVIEW_SLOS; i++) {
      const slo: SloDefinition = {
        id: `slo-${i}`, service: `svc-${i % SERVICES}`, name: `SLO ${i}`, description: '', indicator: { type: 'ratio' }, source: { kind: 'push' },
        objective: 0.999, window: { kind: 'rolling', days: 28 }, budgeting: i % 4 === 0 ? { kind: 'timeslices', sliceTarget: 0.99 } : { kind: 'occurrences' },
      };
      slos.push(slo);
      await upsertSlo(handle.db, { definition: slo, serviceId: services[i % SERVICES]!, origin: 'api', file: null, createdAt: new Date(dataStart).toISOString(), updatedAt: new Date(dataStart).toISOString() });
      const buckets: MinuteBucket[] = [];
      for (let at = dataStart; at < NOW; at += MINUTE_MS) buckets.push({ start: at, total: 1000, good: random() < 0.01 ? 990 : 1000 });
      minutes += buckets.length;
      await handle.db.transaction().execute((tx) => writeMinutes(tx, slo, buckets, 'push', new Date(NOW).toISOString()));
    }

    progress(`${engine}: weekly review — per-incident budget rows for ${recent.length.toLocaleString('en')} recent incidents`);
    for (let first = 0; first < recent.length; first += 500) {
      await handle.db.transaction().execute(async (tx) => {
        for (const incident of recent.slice(first, first + 500)) {
          const slo = slos[incident.service % slos.length]!;
          const bad = Math.round(random() * 40);
          await replaceIncidentSloImpacts(tx, incident.id, [
            { incidentId: incident.id, sloId: slo.id, sloName: slo.name, serviceId: services[incident.service]!, window: slo.window, span: { start: incident.start, end: incident.start + 45 * MINUTE_MS }, fallback: false, bad, budget: 1200, share: bad / 1200, unit: 'events', estimated: false, computedAt: new Date(NOW).toISOString() },
          ]);
        }
      });
    }
    // What a running install's checkpoints and autovacuum would have done by now.
    if (engine === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
    await sql`analyze`.execute(handle.db);
    const seedSeconds = (performance.now() - started) / 1000;

    progress(`${engine}: weekly review — ${RUNS} reads`);
    const times: number[] = [];
    let jsonKb = 0;
    let weekIncidents = 0;
    for (let run = 0; run < RUNS; run++) {
      const began = performance.now();
      const review = await getWeeklyReview(deps, SYSTEM_PRINCIPAL, { week: '2026-W48' });
      const json = JSON.stringify(review);
      times.push(performance.now() - began);
      jsonKb = Math.round(Buffer.byteLength(json) / 1024);
      weekIncidents = review.incidents.lines.length;
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { engine, incidents: REVIEW_INCIDENTS, slos: REVIEW_SLOS, minutes, seedSeconds: Math.round(seedSeconds), weekIncidents, jsonKb, p50Ms: round(percentile(sorted, 50)), maxMs: round(sorted[sorted.length - 1]!), budgetMs: 500 };
  } finally {
    await handle.db.destroy();
  }
}

function makeIncident(number: number, declaredMs: number, serviceId: string, random: () => number): Incident {
  const now = new Date(Math.floor(declaredMs));
  const { incident } = declareIncident(
    { title: `Bench incident #${number}`, severity: SEVERITIES[Math.min(3, Math.floor(random() * 5))]! },
    { id: newId(now.getTime()), number, declaredById: null, severities: SEVERITIES, now },
  );
  const after = (minutes: number) => new Date(now.getTime() + minutes * MINUTE_MS).toISOString();
  return {
    ...incident,
    serviceIds: [serviceId],
    status: 'resolved',
    impactStartedAt: after(-5 - Math.floor(random() * 10)),
    acknowledgedAt: after(1 + Math.floor(random() * 10)),
    mitigatedAt: after(20 + Math.floor(random() * 60)),
    resolvedAt: after(90 + Math.floor(random() * 120)),
    updatedAt: after(90),
  };
}

export function printWeeklyReview(results: ReadonlyArray<WeeklyReviewBench | { engine: Engine; skipped: string }>): void {
  console.log('\nWeekly review (JSON, organisation scope, budget 500 ms)');
  for (const result of results) {
    if ('skipped' in result) {
      console.log(`  ${result.engine}: skipped (${result.skipped})`);
      continue;
    }
    const verdict = result.maxMs <= result.budgetMs ? 'within budget' : 'OVER BUDGET';
    console.log(
      `  ${result.engine}: p50 ${result.p50Ms} ms, max ${result.maxMs} ms over ${RUNS} reads (${verdict}); ` +
        `${result.incidents.toLocaleString('en')} incidents (${result.weekIncidents} in the week), ${result.slos} SLOs, ${result.minutes.toLocaleString('en')} minutes + roll-ups; answer ${result.jsonKb} KB; seeded in ${result.seedSeconds} s`,
    );
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
