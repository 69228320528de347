import type { Deps } from '../../deps.js';
import { enqueueReconcile } from './handoff-jobs.js';

/**
 * Called at start when Slack is on: a round runs at once (and plans the next), so handoff
 * timers and user groups catch up after downtime, and schedules written while Slack was
 * off get their timers. Several instances starting together share one round by its key.
 */
export async function startReconcileRounds(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  await enqueueReconcile(deps.db, now, now);
}
