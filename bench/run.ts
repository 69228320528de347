// `npm run bench`: the performance figures of DESIGN.md "Performance budgets", for SQLite and Postgres.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Engine } from '../src/store/database.js';
import { measureBundle } from './lib/bundle.js';
import { CREATE_CONNECTIONS, CREATE_DURATION_S, measureCreate } from './lib/create.js';
import { createBenchDatabase, postgresUnavailable } from './lib/databases.js';
import { INGEST_DURATION_S, measureIngest } from './lib/ingest.js';
import { LIST_REQUESTS, measureList } from './lib/list.js';
import { printReport, type BenchResults, type EngineResult } from './lib/report.js';
import { SEED_COUNT, seedIncidents } from './lib/seed.js';
import { startBareFastify, startHikeshi, type Spawned } from './lib/server.js';
import {
  ACK_DURATION_S, ACK_IDLE_PER_VERB, ACK_RATE, ACK_WARMUP_S, DECLARATIONS, QUIET_MS, SLACK_ENABLED, SLACK_LATENCY_MS, SLACK_USERS, measureSlack,
} from './lib/slack.js';
import { START_RUNS, measureStartup } from './lib/startup.js';
import { measureOncall, printOncall, type OncallResult } from './lib/oncall.js';
import { benchWeeklyReview, printWeeklyReview } from './lib/weekly-review.js';
import { benchSliIngest, printSliIngest } from './lib/sli-ingest.js';
import { SEVERITY_INCIDENTS, SEVERITY_RULES, measureSeverity, printSeverity } from './lib/severity.js';

const began = performance.now();
const loadAverageAtStart = loadavg();
const progress = (message: string) => process.stderr.write(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

async function withServer<T>(start: () => Promise<Spawned>, run: (server: Spawned) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

async function benchEngine(engine: Engine): Promise<EngineResult> {
  if (engine === 'postgres') {
    const why = await postgresUnavailable();
    if (why) return { engine, skipped: `Postgres unreachable (${why})` };
  }
  const database = await createBenchDatabase(engine);
  try {
    progress(`${engine}: seeding ${SEED_COUNT.toLocaleString('en-US')} incidents`);
    const seed = await seedIncidents(database.url);
    progress(`${engine}: seeded in ${seed.seconds.toFixed(1)} s; list latency`);
    const list = await withServer(() => startHikeshi(database.url), (server) => measureList(server.url, seed.count));
    progress(`${engine}: start time and idle RSS`);
    const startup = await measureStartup(database.url);
    progress(`${engine}: incident create throughput (${CREATE_DURATION_S} s)`);
    const create = await withServer(() => startHikeshi(database.url), (server) => measureCreate(server.url));
    progress(`${engine}: alert ingest (3 scenarios, ${INGEST_DURATION_S} s each)`);
    const ingest = await withServer(() => startHikeshi(database.url), (server) => measureIngest(server.url));
    if (!SLACK_ENABLED) return { engine, seed, list, startup, create, ingest, slackSkipped: 'BENCH_SLACK=0' };
    progress(`${engine}: Slack (emulator in this process, server with SLACK_API_URL pointing at it)`);
    try {
      const slack = await measureSlack(database.url, (message) => progress(`${engine}: ${message}`));
      return { engine, seed, list, startup, create, ingest, slack };
    } catch (error) {
      return { engine, seed, list, startup, create, ingest, slackSkipped: `failed: ${(error as Error).stack ?? error}` };
    }
  } finally {
    await database.drop();
  }
}

progress(`bare Fastify reference (${CREATE_DURATION_S} s)`);
const bare = await withServer(startBareFastify, (server) => measureCreate(server.url));
const engines: EngineResult[] = [];
for (const engine of ['sqlite', 'postgres'] as const) {
  try {
    engines.push(await benchEngine(engine));
  } catch (error) {
    engines.push({ engine, skipped: `failed: ${(error as Error).stack ?? error}` });
  }
}
const bundle = measureBundle();

// On-call on a fresh, migrated database per engine (the incident seed would not change it).
const oncall: { engine: Engine; oncall?: OncallResult; oncallSkipped?: string }[] = [];
for (const engine of ['sqlite', 'postgres'] as const) {
  if (engine === 'postgres' && (await postgresUnavailable())) {
    oncall.push({ engine, oncallSkipped: 'Postgres unreachable' });
    continue;
  }
  progress(`${engine}: on-call, ${Number(process.env.BENCH_SCHEDULES ?? 1000)} schedules`);
  const database = await createBenchDatabase(engine);
  try {
    oncall.push({ engine, oncall: await measureOncall(database.url, engine) });
  } catch (error) {
    oncall.push({ engine, oncallSkipped: `failed: ${(error as Error).message}` });
  } finally {
    await database.drop();
  }
}

const sliIngest = await benchSliIngest(progress);
progress(`severity: ${SEVERITY_INCIDENTS} incidents against a ${SEVERITY_RULES}-rule policy`);
const severity = measureSeverity();

const weeklyReview = await benchWeeklyReview(progress);

const cpuList = cpus();
const results: BenchResults & { oncall: typeof oncall; sliIngest: typeof sliIngest; severity: typeof severity; weeklyReview: typeof weeklyReview } = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart,
  },
  method: {
    loadGenerator:
      'autocannon 9 (create), fetch (list) and node:http (Slack) run inside the bench process, as does the Slack emulator; each server is a child process on the same machine',
    create: { connections: CREATE_CONNECTIONS, durationS: CREATE_DURATION_S, body: { title: '決済APIの遅延' } },
    list: { incidents: SEED_COUNT, sequentialRequests: LIST_REQUESTS, limit: 50 },
    startup: { runs: START_RUNS, rssAfterIdleMs: 2000 },
    slack: {
      database: 'the seeded database of the engine, after the create run',
      emulatorLatencyMs: SLACK_LATENCY_MS,
      users: SLACK_USERS,
      declarations: DECLARATIONS,
      quietMsAfterReady: QUIET_MS,
      ackRate: ACK_RATE,
      ackDurationS: ACK_DURATION_S,
      ackWarmupS: ACK_WARMUP_S,
      ackIdleRequestsPerVerb: ACK_IDLE_PER_VERB,
    },
  },
  budgets: {
    create: 'none in DESIGN.md; ratio to bare Fastify',
    listP99Ms: 100,
    startS: 1.5,
    idleRssMb: 150,
    initialJsGzipKb: 200,
    slackAckP99Ms: 100,
    slackAckRate: 200,
    declareToChannelReady: 'none in DESIGN.md',
  },
  bareFastify: bare,
  engines,
  webBundle: bundle,
  oncall,
  weeklyReview,
  sliIngest,
  severity,
  totalSeconds: Math.round((performance.now() - began) / 1000),
};
printReport(results);
printOncall(oncall);
printWeeklyReview(weeklyReview);
printSliIngest(sliIngest);
printSeverity(severity);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2) + '\n');
console.log(`\nFigures written to bench/results/latest.json (run took ${results.totalSeconds} s).`);
