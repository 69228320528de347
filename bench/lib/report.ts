import type { Engine } from '../../src/store/database.js';
import type { BundleResult } from './bundle.js';
import type { ThroughputResult } from './create.js';
import { ingestReport, type IngestScenario } from './ingest.js';
import type { LatencyResult } from './list.js';
import type { SlackResult } from './slack.js';
import type { StartupResult } from './startup.js';
import { int, ms, table } from './table.js';

export interface EngineResult {
  engine: Engine;
  skipped?: string;
  seed?: { count: number; seconds: number };
  list?: LatencyResult[];
  startup?: StartupResult;
  create?: ThroughputResult;
  /** Alert ingest scenarios (bench/lib/ingest.ts). */
  ingest?: IngestScenario[];
  slack?: SlackResult;
  /** Why the Slack figures are missing (BENCH_SLACK=0, or the failure). */
  slackSkipped?: string;
}

export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; loadAverageAtStart: number[] };
  method: {
    loadGenerator: string;
    create: { connections: number; durationS: number; body: unknown };
    list: { incidents: number; sequentialRequests: number; limit: number };
    startup: { runs: number; rssAfterIdleMs: number };
    slack: {
      database: string;
      emulatorLatencyMs: number;
      users: number;
      declarations: number;
      quietMsAfterReady: number;
      ackRate: number;
      ackDurationS: number;
      ackWarmupS: number;
      ackIdleRequestsPerVerb: number;
    };
  };
  budgets: {
    create: string;
    listP99Ms: number;
    startS: number;
    idleRssMb: number;
    initialJsGzipKb: number;
    slackAckP99Ms: number;
    slackAckRate: number;
    declareToChannelReady: string;
  };
  bareFastify: ThroughputResult;
  engines: EngineResult[];
  webBundle: BundleResult;
  totalSeconds: number;
}

const NAMES: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'Postgres' };

export function printReport(r: BenchResults): void {
  const m = r.machine;
  const ran = r.engines.filter((e) => !e.skipped);
  const out: string[] = [];
  out.push(`Hikeshi benchmarks, ${r.date.slice(0, 16).replace('T', ' ')} UTC`);
  out.push(`Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}`);
  out.push(`Load: ${r.method.loadGenerator}; all share the ${m.cpus} cores.`);
  const busy = m.loadAverageAtStart[0]! > m.cpus / 2;
  out.push(`Load average at start: ${m.loadAverageAtStart.map((n) => n.toFixed(2)).join(' ')}${busy ? '  (machine busy with other work: figures are pessimistic)' : ''}`);
  for (const e of r.engines.filter((e) => e.skipped)) out.push(`NOTE: ${NAMES[e.engine]} skipped: ${e.skipped}`);

  const c = r.method.create;
  out.push('', `1. Incident create: POST /api/v1/incidents ${JSON.stringify(c.body)}, ${c.connections} connections, ${c.durationS} s`);
  const bare = r.bareFastify;
  const createRow = (name: string, t: ThroughputResult, budget: string) => [
    name, int(t.reqPerSec), ms(t.p50Ms), ms(t.p99Ms), int(t.non2xx + t.errors), `${Math.round((t.reqPerSec / bare.reqPerSec) * 100)}%`, budget,
  ];
  out.push(
    table(
      ['server', 'req/s', 'p50', 'p99', 'non-2xx', 'of bare', 'budget'],
      [
        createRow('bare Fastify route (reference)', bare, '-'),
        ...ran.map((e) => createRow(`Hikeshi, ${NAMES[e.engine]}`, e.create!, 'none in DESIGN: ratio to bare')),
      ],
      [0, 6],
    ),
  );

  const l = r.method.list;
  out.push('', `2. List incidents: ${int(l.incidents)} incidents, ${l.sequentialRequests} sequential GET /api/v1/incidents each (after 10 warm-up)`);
  const queries = ran[0]?.list?.map((q) => q.query) ?? [];
  out.push(
    table(
      ['query', ...ran.flatMap((e) => [`${NAMES[e.engine]} p50`, 'p99']), 'rows', 'budget'],
      queries.map((query, i) => [
        query,
        ...ran.flatMap((e) => {
          const q = e.list![i]!;
          return [ms(q.p50Ms), ms(q.p99Ms) + (q.failures ? ` (${q.failures} failed)` : '')];
        }),
        String(ran[0]!.list![i]!.items),
        `<= ${r.budgets.listP99Ms} ms p99 (ours)`,
      ]),
      [0, ran.length * 2 + 2],
    ),
  );
  out.push(
    `  Seeded through insertIncident in transactions of 1,000 (${ran.map((e) => `${NAMES[e.engine]} ${e.seed!.seconds.toFixed(1)} s`).join(', ')}); ` +
      `numbered 1..${int(l.incidents)} directly, counter 'incident_number' set to match; no timeline rows.`,
  );

  out.push('', '3. Server process (node bin/hikeshi.js serve, database already migrated)');
  out.push(
    table(
      ['what', ...ran.map((e) => NAMES[e.engine]), 'budget'],
      [
        [`start: spawn -> /healthz 200, median of ${r.method.startup.runs}`, ...ran.map((e) => `${(e.startup!.startMsMedian / 1000).toFixed(2)} s`), `<= ${r.budgets.startS} s`],
        ['idle RSS: after start + 2 s', ...ran.map((e) => (e.startup!.idleRssMb === undefined ? 'n/a' : `${Math.round(e.startup!.idleRssMb)} MB`)), `<= ${r.budgets.idleRssMb} MB`],
      ],
      [0, ran.length + 1],
    ),
  );

  const b = r.webBundle;
  out.push('', '4. Web app bundle (gzip level 9)');
  out.push(
    b.built
      ? table(
          ['what', 'size', 'budget'],
          [
            [`initial JS (${b.initialJsFiles!.join(', ') || 'none found in index.html'})`, `${b.initialJsGzipKb!.toFixed(1)} KB`, `<= ${r.budgets.initialJsGzipKb} KB`],
            [`all JS in dist/web/assets (${b.totalJsFiles} file${b.totalJsFiles === 1 ? '' : 's'})`, `${b.totalJsGzipKb!.toFixed(1)} KB`, '-'],
          ],
          [0, 2],
        )
      : '  not built (dist/web/index.html absent)',
  );
  out.push(...slackReport(r, ran));
  out.push(...ingestReport(r.bareFastify, ran.map((e) => ({ name: NAMES[e.engine], scenarios: e.ingest }))));
  console.log(out.join('\n'));
}

function slackReport(r: BenchResults, ran: EngineResult[]): string[] {
  const out: string[] = [];
  const s = r.method.slack;
  const done = ran.filter((e) => e.slack);
  const budget = `p99 <= ${r.budgets.slackAckP99Ms} ms at ${r.budgets.slackAckRate}/s`;
  out.push(
    '',
    `5. Slack command acknowledgement: signed /incident commands to POST /slack/events, open loop ${s.ackRate}/s for ${s.ackDurationS} s ` +
      `(after ${s.ackWarmupS} s of warm-up), latency from each request's scheduled send time to its answer`,
  );
  for (const e of ran.filter((e) => e.slackSkipped)) out.push(`  NOTE: ${NAMES[e.engine]} Slack figures skipped: ${e.slackSkipped}`);
  if (!done.length) return out;
  out.push(
    table(
      ['server', 'sent', 'answered/s', 'p50', 'p99', 'max', 'non-2xx', 'wrong answer', 'server CPU', 'budget'],
      done.map((e) => {
        const a = e.slack!.ack;
        return [
          `Hikeshi, ${NAMES[e.engine]}`, int(a.sent), int(a.answeredPerSec), ms(a.p50Ms), ms(a.p99Ms), ms(a.maxMs), int(a.non2xx + a.errors),
          int(a.unexpected), a.serverCpuPercent === undefined ? 'n/a' : `${Math.round(a.serverCpuPercent)}% of a core`, budget,
        ];
      }),
      [0, 9],
    ),
  );
  const verbs = done[0]!.slack!.ack.byVerb;
  out.push(
    table(
      ['command (share)', ...done.flatMap((e) => [`${NAMES[e.engine]} idle p50`, 'loaded p50', 'p99'])],
      verbs.map((v, i) => [
        `${v.verb} (${Math.round(v.share * 100)}%)`,
        ...done.flatMap((e) => {
          const b = e.slack!.ack.byVerb[i]!;
          return [ms(b.idleP50Ms), ms(b.loadedP50Ms), ms(b.loadedP99Ms)];
        }),
      ]),
    ),
  );
  const a0 = done[0]!.slack!.ack;
  out.push(
    `  Commands in the ${a0.channels} incident channels of section 6, from ${s.users} Slack users; sev and status alternate SEV2/SEV3 and ` +
      `investigating/identified so most of them change something. idle = ${s.ackIdleRequestsPerVerb} sequential requests per command before the load.`,
    `  Pre-warmed: each user sent one command first (${done.map((e) => `${NAMES[e.engine]} ${e.slack!.ack.prewarm.seconds.toFixed(1)} s, ` +
      `${e.slack!.ack.prewarm.usersInfoCalls} users.info`).join('; ')}): a first-seen user's command waits for users.info.`,
    `  Slack emulator answers after ${s.emulatorLatencyMs} ms, no rate limits; during the measured window the job runner made ` +
      `${done.map((e) => `${int(e.slack!.ack.slackCallsDuring)} Web API calls, ${int(e.slack!.ack.slackCallsFailedDuring)} not ok (${NAMES[e.engine]})`).join('; ')}, for the echoes and syncs these commands enqueue. ` +
      `Generator lateness (included above) p99/max: ${done.map((e) => `${NAMES[e.engine]} ${ms(e.slack!.ack.sendLagP99Ms)} / ${ms(e.slack!.ack.sendLagMaxMs)}`).join(', ')}; ` +
      `load average when the loop began: ${done.map((e) => `${NAMES[e.engine]} ${e.slack!.ack.loadAverageAtStart.toFixed(2)}`).join(', ')}.`,
  );
  for (const e of done.filter((e) => e.slack!.ack.sendLagP99Ms > 20)) {
    out.push(`  WARNING: ${NAMES[e.engine]}: the bench process itself sent late (p99 ${ms(e.slack!.ack.sendLagP99Ms)}): the machine was busy; these latencies are not the server's alone.`);
  }
  for (const e of done.filter((e) => e.slack!.ack.unexpectedSample)) out.push(`  ${NAMES[e.engine]}, first wrong answer: ${e.slack!.ack.unexpectedSample}`);

  out.push(
    '',
    `6. Declare to channel ready: POST /api/v1/incidents, then the emulator's workspace polled until the channel exists with the bot and ` +
      `the default responders in it and the summary message is posted; Slack ${s.emulatorLatencyMs} ms per call, ${s.declarations} declarations one after another`,
  );
  out.push(
    table(
      ['server', 'ready p50', 'max', 'POST -> 1st Slack call p50', 'max', 'Slack part p50', 'announced p50', 'Slack calls each', 'failed', 'budget'],
      done.map((e) => {
        const d = e.slack!.declare;
        const later = d.calls.slice(1);
        const calls = later.length && later.every((n) => n === later[0]) ? `${d.calls[0]} first, then ${later[0]}` : d.calls.join(' ');
        return [
          `Hikeshi, ${NAMES[e.engine]}`, ms(d.readyMsMedian), ms(d.readyMsMax), ms(d.firstCallMsMedian), ms(d.firstCallMsMax),
          ms(d.slackWorkMsMedian), ms(d.announcedMsMedian), calls, int(d.failed), r.budgets.declareToChannelReady,
        ];
      }),
      [0, 9],
    ),
  );
  const d0 = done[0]!.slack!.declare;
  out.push(
    `  Calls of the last declaration: ${Object.entries(d0.methods).map(([m, n]) => (n > 1 ? `${m} x${n}` : m)).join(', ')}. ` +
      `The first declaration after start adds auth.test and one users.info per responder (cached). ` +
      `Counted until no call for ${s.quietMsAfterReady} ms; the job runner polls the queue once a second.`,
  );
  return out;
}
