import { encodeCursor } from '../../src/usecases/pagination.js';
import { ADMIN_TOKEN } from './server.js';
import { percentile } from './stats.js';

export const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 200);
const WARMUP = 10;

export interface LatencyResult {
  query: string;
  p50Ms: number;
  p99Ms: number;
  items: number;
  failures: number;
}

/** The list queries measured: label and query string. */
export function listQueries(seeded: number): [string, string][] {
  const deep = Math.min(1_000, seeded);
  return [
    ['first page (limit=50)', 'limit=50'],
    ['status=investigating&severity=SEV1', 'limit=50&status=investigating&severity=SEV1'],
    [`deep page (cursor after INC-${deep}, page ~${Math.round((seeded - deep) / 50) + 1})`, `limit=50&cursor=${encodeCursor({ n: deep })}`],
    ['text q=決済 (1 title in 8 matches)', `limit=50&q=${encodeURIComponent('決済')}`],
    ['text q=no-such-words (no match: scans all)', 'limit=50&q=no-such-words'],
  ];
}

/** Sequential GETs, one at a time, each timed from request to the last byte of the body. */
export async function measureList(baseUrl: string, seeded: number): Promise<LatencyResult[]> {
  const results: LatencyResult[] = [];
  for (const [label, query] of listQueries(seeded)) {
    const url = `${baseUrl}/api/v1/incidents?${query}`;
    const times: number[] = [];
    let failures = 0;
    let items = 0;
    for (let i = 0; i < WARMUP + LIST_REQUESTS; i++) {
      const started = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const body = (await response.json()) as { items?: unknown[] };
      const elapsed = performance.now() - started;
      if (i < WARMUP) continue;
      times.push(elapsed);
      if (response.status !== 200) failures++;
      items = body.items?.length ?? 0;
    }
    results.push({ query: label, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), items, failures });
  }
  return results;
}
