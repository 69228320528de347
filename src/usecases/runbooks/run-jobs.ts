import { enqueue } from '../../jobs/queue.js';
import type { Executor } from '../../store/database.js';
import type { StoredRun } from '../../store/repositories/runbooks.js';
import type { Deps } from '../deps.js';
import { SLACK_JOB_ATTEMPTS } from '../slack/enqueue-slack-jobs.js';

/**
 * The run's message in the incident channel shows its latest revision: one job per move,
 * each rendering the run as it is when it runs, so moves in quick succession never show
 * an older step last.
 */
export async function enqueueRunMessage(tx: Executor, deps: Deps, run: StoredRun, now: Date): Promise<void> {
  if (deps.integrations?.slack !== true) return;
  await enqueue(tx, 'runbooks.showStep', { runId: run.id }, { key: `runbooks.showStep:${run.id}:${run.revision}`, maxAttempts: SLACK_JOB_ATTEMPTS }, now);
}

/**
 * The runbooks a declaration triggers start in a job enqueued in the declaration's
 * transaction rather than in the transaction itself: declaring stays one quick write that
 * no runbook (a bad answer field, a page target) can refuse, and the job, committed with
 * the incident, starts them within a poll of the runner.
 */
export async function enqueueTriggeredRunbooks(tx: Executor, incidentId: string, now: Date): Promise<void> {
  await enqueue(tx, 'runbooks.startTriggered', { incidentId }, { key: `runbooks.startTriggered:${incidentId}` }, now);
}
