/** Retry timing of the job runner: pure, so it is tested as a table. */

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60 * 60 * 1_000;
/** A server asking for more than a day is not taken literally. */
export const RETRY_AFTER_CAP_MS = 24 * 60 * 60 * 1_000;
/** The delay is spread over ±20% so jobs that failed together do not retry together. */
export const JITTER = 0.2;

/**
 * Delay before the next attempt after `attempt` (1-based) failed: 1 s · 2^(attempt-1),
 * jittered by ±20% (`random` in [0, 1); 0.5 gives the exact value), capped at 1 hour.
 * A `retryAfterMs` the failure asked for wins when it is longer (capped at a day).
 */
export function retryDelayMs(attempt: number, random: number, retryAfterMs?: number): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(exponent, 32));
  const jittered = Math.min(BACKOFF_CAP_MS, Math.round(base * (1 - JITTER + 2 * JITTER * random)));
  const asked =
    retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0
      ? Math.min(RETRY_AFTER_CAP_MS, Math.ceil(retryAfterMs))
      : 0;
  return Math.max(jittered, asked);
}
