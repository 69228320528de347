import type { Engine } from '../../src/store/database.js';
import type { BundleResult } from './bundle.js';
import type { ThroughputResult } from './create.js';
import type { LatencyResult } from './list.js';
import type { StartupResult } from './startup.js';
import { int, ms, table } from './table.js';

export interface EngineResult {
  engine: Engine;
  skipped?: string;
  seed?: { count: number; seconds: number };
  list?: LatencyResult[];
  startup?: StartupResult;
  create?: ThroughputResult;
}

export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; loadAverageAtStart: number[] };
  method: {
    loadGenerator: string;
    create: { connections: number; durationS: number; body: unknown };
    list: { incidents: number; sequentialRequests: number; limit: number };
    startup: { runs: number; rssAfterIdleMs: number };
  };
  budgets: { create: string; listP99Ms: number; startS: number; idleRssMb: number; initialJsGzipKb: number };
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
  console.log(out.join('\n'));
}
