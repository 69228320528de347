import autocannon from 'autocannon';
import { ADMIN_TOKEN } from './server.js';

export interface ThroughputResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  durationS: number;
  connections: number;
}

export const CREATE_DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
export const CREATE_CONNECTIONS = 32;

/** autocannon, in this process, POSTing the same declaration as fast as the server answers. */
export async function measureCreate(baseUrl: string, durationS = CREATE_DURATION_S): Promise<ThroughputResult> {
  const options = {
    url: `${baseUrl}/api/v1/incidents`,
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: '決済APIの遅延' }),
    connections: CREATE_CONNECTIONS,
  };
  await autocannon({ ...options, duration: 1 }); // warm-up: JIT, connection pool, page cache
  const r = await autocannon({ ...options, duration: durationS });
  return {
    reqPerSec: r.requests.total / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    durationS: r.duration,
    connections: CREATE_CONNECTIONS,
  };
}
