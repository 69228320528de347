import { ConflictError } from '../../errors.js';
import type { RunStatus } from './run-state.js';

/**
 * An answer, a check-off or a button press for a step the run is no longer at: typically
 * a Slack message's button pressed after someone else moved the run on. The adapter
 * shows the message (or builds its own from the fields) and refreshes the step.
 */
export class StaleStepError extends ConflictError {
  constructor(
    readonly stepId: string,
    readonly currentStepId: string | null,
    readonly runStatus: RunStatus,
    readonly answeredBy: string | null,
    readonly answeredAt: string | null,
  ) {
    super(
      runStatus !== 'running'
        ? `This runbook run is ${runStatus}; nothing more can be answered.`
        : answeredBy
          ? `This step was already answered by ${answeredBy} at ${answeredAt}; the runbook has moved on to "${currentStepId}".`
          : `This is not the current step; the runbook is at "${currentStepId}".`,
      'runbook.stale_step',
    );
  }
}

/** The run was started from another version of the runbook than the one given. */
export class RunbookVersionError extends ConflictError {
  constructor(runVersion: string, givenVersion: string) {
    super(`The run follows runbook version ${runVersion}, not ${givenVersion}; pass the definition the run started with.`, 'runbook.version_mismatch');
  }
}
