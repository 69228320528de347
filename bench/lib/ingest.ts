import autocannon from 'autocannon';
import type { ThroughputResult } from './create.js';
import { ADMIN_TOKEN } from './server.js';
import { int, ms, table } from './table.js';

export const INGEST_DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
export const INGEST_CONNECTIONS = 32;
export const DEDUP_KEYS = 100;
export const GROUP_SIZE = 10;

export interface IngestScenario extends ThroughputResult {
  name: string;
  alertsPerRequest: number;
  alertsPerSec: number;
}

async function createIntegration(baseUrl: string, kind: string): Promise<{ id: string; token: string }> {
  const res = await fetch(`${baseUrl}/api/v1/integrations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    // The default limit (600,000 a minute) is the very rate measured here.
    body: JSON.stringify({ name: `bench ${kind} ${Date.now()}`, kind, rateLimitPerMinute: 1_000_000_000 }),
  });
  if (res.status !== 201) throw new Error(`creating a ${kind} integration answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; token: string };
}

function genericAlert(key: string): string {
  return JSON.stringify({ title: `Checkout error rate high (${key})`, dedupKey: key, severity: 'critical', labels: { service: 'checkout', env: 'prod' } });
}

function alertmanagerGroup(first: number): string {
  const alerts = Array.from({ length: GROUP_SIZE }, (_, i) => ({
    status: 'firing',
    labels: { alertname: 'HighLatency', instance: `api-${(first + i) % 1000}`, severity: 'warning' },
    annotations: { summary: 'p99 above 800 ms' },
    startsAt: '2026-11-20T08:40:00Z',
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph',
    fingerprint: `fp${(first + i) % 1000}`,
  }));
  return JSON.stringify({ version: '4', groupKey: '{}:{alertname="HighLatency"}', status: 'firing', receiver: 'hikeshi', alerts });
}

async function run(name: string, url: string, token: string, body: (n: number) => string, alertsPerRequest: number, durationS: number): Promise<IngestScenario> {
  let n = 0;
  const options = {
    url,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    connections: INGEST_CONNECTIONS,
    requests: [{ setupRequest: (request: { body?: string }) => ({ ...request, body: body(n++) }) }],
  };
  await autocannon({ ...options, duration: 1 }); // warm-up
  const r = await autocannon({ ...options, duration: durationS });
  return {
    name,
    alertsPerRequest,
    reqPerSec: r.requests.total / r.duration,
    alertsPerSec: ((r.requests.total - r.non2xx) * alertsPerRequest) / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    durationS: r.duration,
    connections: INGEST_CONNECTIONS,
  };
}

/**
 * Alert ingest throughput against a running server: generic JSON with one alert per
 * request, first over 100 keys (dedup-heavy: nearly every alert is a repeat), then with
 * every key new (unique-heavy: every alert opens one); then Alertmanager groups of 10.
 * Every 202 came after its batch committed.
 */
export async function measureIngest(baseUrl: string, durationS = INGEST_DURATION_S): Promise<IngestScenario[]> {
  const generic = await createIntegration(baseUrl, 'generic');
  const alertmanager = await createIntegration(baseUrl, 'alertmanager');
  const genericUrl = `${baseUrl}/api/v1/integrations/${generic.id}/alerts`;
  const unique = `${Date.now().toString(36)}`;
  return [
    await run(`generic, dedup-heavy (${DEDUP_KEYS} keys)`, genericUrl, generic.token, (n) => genericAlert(`k${n % DEDUP_KEYS}`), 1, durationS),
    await run('generic, unique-heavy (every key new)', genericUrl, generic.token, (n) => genericAlert(`${unique}-${n}`), 1, durationS),
    await run(`Alertmanager, groups of ${GROUP_SIZE} (1,000 fingerprints)`, `${baseUrl}/api/v1/integrations/${alertmanager.id}/alerts`, alertmanager.token, (n) => alertmanagerGroup(n * GROUP_SIZE), GROUP_SIZE, durationS),
  ];
}

/** The report section: alerts/s and latency per scenario and engine, as a share of the bare Fastify route's req/s. */
export function ingestReport(bare: ThroughputResult, engines: { name: string; scenarios?: IngestScenario[]; skipped?: string }[]): string[] {
  const out = [
    '',
    `7. Alert ingest: ${INGEST_CONNECTIONS} connections, ${INGEST_DURATION_S} s per scenario, 202 only after the batch committed (group commit); ` +
      'alerts/s counts 2xx only; "of bare" = alerts/s over the bare Fastify route\'s req/s (section 1)',
  ];
  for (const e of engines.filter((e) => e.skipped)) out.push(`  NOTE: ${e.name} ingest skipped: ${e.skipped}`);
  const rows = engines.flatMap((e) =>
    (e.scenarios ?? []).map((s) => [
      `${e.name}: ${s.name}`, int(s.alertsPerSec), int(s.reqPerSec), ms(s.p50Ms), ms(s.p99Ms), int(s.non2xx + s.errors),
      `${Math.round((s.alertsPerSec / bare.reqPerSec) * 100)}%`, '>= 10,000 alerts/s with dedup',
    ]),
  );
  if (rows.length) out.push(table(['scenario', 'alerts/s', 'req/s', 'p50', 'p99', 'non-2xx', 'of bare', 'budget'], rows, [0, 7]));
  return out;
}
