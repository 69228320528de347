import type { SlackRuntime } from '../slack/runtime.js';
import type { Deps } from '../usecases/deps.js';
import type { JobHandler } from './handler.js';
import { purgeFinished, type PurgeFinishedPayload } from './handlers/purge-finished.js';

/**
 * The one list of job kinds. To add a kind (`area.verbObject`):
 * 1. write `handlers/<verb-object>.ts` exporting its payload type and handler (or a
 *    factory taking what it needs from `JobDeps`);
 * 2. add one line to `JobPayloads` and one to `createJobHandlers`: the compiler flags a
 *    kind that has a payload type but no handler, and `enqueue` checks the payload type.
 * Payloads carry ids, not records; keep them small and free of secrets.
 */
export interface JobPayloads {
  'jobs.purgeFinished': PurgeFinishedPayload;
}

export type JobKind = keyof JobPayloads;

export type JobHandlers = { [K in JobKind]: JobHandler<JobPayloads[K]> };

/** Services handlers need besides the database, given once at start-up. */
export interface JobDeps {
  /** The use cases' dependencies: handlers record outcomes through use cases. */
  deps: Deps;
  /** Present when Slack is configured. */
  slack?: SlackRuntime;
}

export function createJobHandlers(_jobDeps: JobDeps): JobHandlers {
  return {
    'jobs.purgeFinished': purgeFinished,
  };
}
