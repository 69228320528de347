import { sql } from 'kysely';
import { declareIncident } from '../../src/domain/incidents/declare.js';
import type { Incident } from '../../src/domain/incidents/incident.js';
import type { IncidentStatus } from '../../src/domain/incidents/status.js';
import { newId } from '../../src/ids.js';
import { openDatabase } from '../../src/store/database.js';
import { insertIncident } from '../../src/store/repositories/incidents.js';
import { migrateBenchDatabase } from './databases.js';

export const SEED_COUNT = Number(process.env.BENCH_INCIDENTS ?? 100_000);
const BATCH = 1_000;
const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const TITLES = [
  '決済APIの遅延', 'ログインできない', 'Checkout returns 502', 'DB replication lag',
  'Search index stale', '通知メールの遅延', 'CDN cache miss storm', 'Queue backlog growing',
];
/** Mostly history (closed/resolved), a few open: what a long-lived install looks like. */
const STATUS_WEIGHTS: [IncidentStatus, number][] = [
  ['closed', 0.7], ['resolved', 0.2], ['triage', 0.025], ['investigating', 0.025], ['identified', 0.025], ['monitoring', 0.025],
];
const SEVERITY_WEIGHTS = [0.05, 0.15, 0.4, 0.4];
const FIVE_YEARS_MS = 5 * 365 * 24 * 3600_000;

/** Migrates, then inserts SEED_COUNT incidents numbered 1..N via insertIncident, in transactions of 1,000. */
export async function seedIncidents(databaseUrl: string): Promise<{ count: number; seconds: number }> {
  const handle = openDatabase(databaseUrl, { poolSize: 4 });
  try {
    await migrateBenchDatabase(handle.db, handle.engine);
    const started = performance.now();
    const random = mulberry32(42);
    const firstMs = Date.now() - FIVE_YEARS_MS;
    const batches: Incident[][] = [];
    for (let start = 1; start <= SEED_COUNT; start += BATCH) {
      const batch: Incident[] = [];
      for (let number = start; number < Math.min(start + BATCH, SEED_COUNT + 1); number++) {
        batch.push(makeIncident(number, firstMs + (number / SEED_COUNT) * FIVE_YEARS_MS, random));
      }
      batches.push(batch);
    }
    // SQLite has one writer; Postgres takes a few transactions at once.
    const parallel = handle.engine === 'postgres' ? 4 : 1;
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < batches.length) {
          const batch = batches[next++]!;
          await handle.db.transaction().execute(async (tx) => {
            for (const incident of batch) await insertIncident(tx, incident);
          });
        }
      }),
    );
    // Numbered directly, so the counter is set to match: new declarations continue at N+1.
    await handle.db
      .insertInto('counters')
      .values({ name: 'incident_number', value: SEED_COUNT })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: SEED_COUNT }))
      .execute();
    // What autovacuum would do within a minute of such a load; without it the planner guesses.
    if (handle.engine === 'postgres') await sql`analyze`.execute(handle.db);
    return { count: SEED_COUNT, seconds: (performance.now() - started) / 1000 };
  } finally {
    await handle.db.destroy();
  }
}

function makeIncident(number: number, declaredMs: number, random: () => number): Incident {
  const now = new Date(Math.floor(declaredMs + random() * 3600_000));
  const { incident } = declareIncident(
    {
      title: `${TITLES[Math.floor(random() * TITLES.length)]} #${number}`,
      severity: SEVERITIES[pick(SEVERITY_WEIGHTS, random)],
      tags: random() < 0.3 ? ['customer-facing'] : [],
    },
    { id: newId(now.getTime()), number, declaredById: null, severities: SEVERITIES, now },
  );
  const status = STATUS_WEIGHTS[pick(STATUS_WEIGHTS.map(([, w]) => w), random)]![0];
  const after = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  const finished = status === 'resolved' || status === 'closed';
  return {
    ...incident,
    status,
    acknowledgedAt: status === 'triage' ? null : after(5),
    mitigatedAt: finished || status === 'monitoring' ? after(45) : null,
    resolvedAt: finished ? after(90) : null,
    closedAt: status === 'closed' ? after(60 * 24 * 3) : null,
    updatedAt: finished ? after(90) : incident.updatedAt,
  };
}

function pick(weights: readonly number[], random: () => number): number {
  let r = random();
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** A seeded PRNG, so every run seeds the same data. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
