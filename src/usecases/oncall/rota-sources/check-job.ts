import { enqueue } from '../../../jobs/queue.js';
import type { Executor } from '../../../store/database.js';
import type { RotaSource } from '../../../store/repositories/rota-sources.js';

/**
 * Enqueues the periodic check due at `source.nextCheckAt`. The key names the source's
 * generation and the due time, so a retried or duplicated check enqueues its successor
 * once; a check of an older generation (the source was changed or removed) does nothing.
 */
export async function enqueueRotaCheck(tx: Executor, source: Pick<RotaSource, 'id' | 'generation' | 'nextCheckAt'>, now: Date): Promise<void> {
  await enqueue(
    tx,
    'oncall.syncRota',
    { sourceId: source.id, generation: source.generation, dueAt: source.nextCheckAt },
    { key: `oncall.syncRota:${source.id}:${source.generation}:${source.nextCheckAt}`, runAt: new Date(source.nextCheckAt) },
    now,
  );
}
