import { ROTA_SYNC } from '../../domain/oncall/rota-fetch-policy.js';
import { syncRotaSource } from '../../usecases/oncall/rota-sources/sync-rota-source.js';
import { RetryableError } from '../errors.js';
import type { JobHandler } from '../handler.js';
import type { JobDeps } from '../kinds.js';

/**
 * `oncall.syncRota`: the periodic check of a schedule's spreadsheet rota. A failed download
 * is retried with the runner's backoff; on the last download attempt the failure is
 * recorded as the check's outcome and the next periodic check is enqueued all the same.
 */
export interface SyncRotaPayload {
  sourceId: string;
  /** The source's generation when enqueued: a changed source ignores older checks. */
  generation: number;
  /** When this check fell due (ISO): the source's `nextCheckAt`. */
  dueAt: string;
}

export function syncRota({ deps }: JobDeps): JobHandler<SyncRotaPayload> {
  return async (payload, ctx) => {
    const trigger = { kind: 'periodic' as const, generation: payload.generation, dueAt: payload.dueAt, lastAttempt: ctx.attempt >= Math.min(ROTA_SYNC.downloadAttempts, ctx.maxAttempts) };
    const attempt = await syncRotaSource(deps, payload.sourceId, trigger, ctx.signal);
    if (attempt.kind === 'retry') throw new RetryableError(`rota download: ${attempt.reason}`, attempt.retryAfterMs);
    if (attempt.kind === 'stale') ctx.logger?.info({ rotaSourceId: payload.sourceId }, 'rota check skipped: the source was changed or removed');
  };
}
