import { SYSTEM_ACTOR } from '../../domain/incidents/timeline.js';
import { appendEvents, listEvents } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { enqueueAnnouncement } from './enqueue-slack-jobs.js';

export interface StepFailure {
  /** The job kind, e.g. `slack.createChannel`. */
  step: string;
  /** What went wrong, short and free of secrets. */
  error: string;
  willRetry: boolean;
  attempt: number;
}

/** The same failure of the same step is written at most once in this window while retrying. */
export const REPEAT_FAILURE_QUIET_MS = 10 * 60_000;

/**
 * Writes a failed Slack step on the timeline without flooding it: on the first attempt, when
 * the error changes, and always on giving up; a retry failing the same way is not written
 * again. When the channel cannot be created at all, the declaration is still announced.
 * Returns whether an entry was written.
 */
export async function recordStepFailure(deps: Deps, incidentId: string, failure: StepFailure): Promise<boolean> {
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    const now = deps.clock.now();
    if (failure.willRetry) {
      const previous = (await listEvents(tx, incident.id))
        .filter((e) => e.kind === 'slack.step_failed' && e.payload.step === failure.step)
        .at(-1);
      const same = previous?.payload.error === failure.error && previous.payload.willRetry === true;
      const recent = previous !== undefined && now.getTime() - Date.parse(previous.occurredAt) < REPEAT_FAILURE_QUIET_MS;
      if (same && (failure.attempt > 1 || recent)) return false;
    }
    await appendEvents(
      tx,
      incident.id,
      [{ kind: 'slack.step_failed', payload: { step: failure.step, error: failure.error, willRetry: failure.willRetry } }],
      SYSTEM_ACTOR,
      now,
    );
    if (failure.step === 'slack.createChannel' && !failure.willRetry) await enqueueAnnouncement(tx, incident.id, now);
    return true;
  });
}
