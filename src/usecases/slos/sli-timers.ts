import type { SloDefinition } from '../../domain/slo/definition.js';
import { MINUTE_MS } from '../../domain/slo/types.js';
import { enqueue } from '../../jobs/queue.js';
import type { Executor } from '../../store/database.js';

/** Seconds into each minute the timers run: Prometheus has scraped the minute before by then. */
export const TIMER_OFFSET_MS = 15_000;

/** Pulled (Prometheus) or estimated (incidents) SLOs have a timer; pushed ones wait for data. */
export function hasSliTimer(slo: SloDefinition): boolean {
  return slo.source.kind === 'prometheus' || slo.source.kind === 'prometheus-ratio' || slo.source.kind === 'incidents';
}

/**
 * Plans the SLO's next SLI run at `runAt` (default now). The key names the SLO and minute, so
 * a restart, a second instance or a retried job plans each minute once.
 */
export async function scheduleSliPull(tx: Executor, sloId: string, now: Date, runAt: Date = now): Promise<boolean> {
  const minute = new Date(Math.floor(runAt.getTime() / MINUTE_MS) * MINUTE_MS).toISOString();
  return enqueue(tx, 'slo.pullPrometheus', { sloId }, { key: `slo.pullPrometheus:${sloId}:${minute}`, runAt }, now);
}

/** Plans the burn sweep of the minute containing `runAt` (default now), once per minute. */
export async function scheduleBurnEvaluation(tx: Executor, now: Date, runAt: Date = now): Promise<boolean> {
  const minute = new Date(Math.floor(runAt.getTime() / MINUTE_MS) * MINUTE_MS).toISOString();
  return enqueue(tx, 'slo.evaluateBurn', {}, { key: `slo.evaluateBurn:${minute}`, runAt }, now);
}

/** The start of the next minute plus the offset. */
export function nextTimerRun(now: Date): Date {
  return new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS + TIMER_OFFSET_MS);
}
