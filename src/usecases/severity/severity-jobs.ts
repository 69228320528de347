import { enqueue } from '../../jobs/queue.js';
import type { Executor } from '../../store/database.js';
import type { Deps } from '../deps.js';
import { SLACK_JOB_ATTEMPTS } from '../slack/enqueue-slack-jobs.js';

/** The channel message of a severity the policy applied or proposed (its timeline event), posted once. */
export async function enqueueSeverityMessage(tx: Executor, deps: Deps, incidentId: string, eventId: string, now: Date): Promise<void> {
  if (!deps.integrations?.slack) return;
  await enqueue(tx, 'slack.postSeverity', { incidentId, eventId }, { key: `slack.postSeverity:${eventId}`, maxAttempts: SLACK_JOB_ATTEMPTS }, now);
}
