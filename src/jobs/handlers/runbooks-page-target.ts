import { pageForRunStep } from '../../usecases/runbooks/page-for-run.js';
import type { Deps } from '../../usecases/deps.js';
import type { JobHandler } from '../handler.js';

/** `runbooks.pageTarget`: a runbook's `page` action, carried out outside the move's transaction. */
export interface RunbooksPagePayload {
  runId: string;
  stepId: string;
}

export function runbooksPage(deps: Deps): JobHandler<RunbooksPagePayload> {
  // The job's id keys the page: a retry after a crash answers the page it made.
  return (payload, ctx) => pageForRunStep(deps, payload.runId, payload.stepId, `runbook-job:${ctx.jobId}`);
}
