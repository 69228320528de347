import { startHikeshi } from './server.js';
import { median, sleep } from './stats.js';

export const START_RUNS = 5;
const IDLE_MS = 2_000;

export interface StartupResult {
  startMsMedian: number;
  startMsRuns: number[];
  idleRssMb: number | undefined;
}

/** Spawn → /healthz 200, START_RUNS times on an already-migrated database; RSS after the first start + 2 s idle. */
export async function measureStartup(databaseUrl: string): Promise<StartupResult> {
  const runs: number[] = [];
  let idleRssMb: number | undefined;
  for (let i = 0; i < START_RUNS; i++) {
    const server = await startHikeshi(databaseUrl);
    runs.push(server.startMs);
    if (i === 0) {
      await sleep(IDLE_MS);
      idleRssMb = server.rssMb();
    }
    await server.stop();
  }
  return { startMsMedian: median(runs), startMsRuns: runs, idleRssMb };
}
