import { PermanentError, RetryableError, describeJobError } from '../../jobs/errors.js';
import type { JobContext } from '../../jobs/handler.js';
import { recordStepFailure } from '../../usecases/slack/record-step-failure.js';
import { SlackApiError } from '../client.js';
import type { SlackAutomation } from './automation.js';

/** The incident channel does not exist yet: wait for it quietly (not a failure worth a timeline entry). */
export class WaitingForChannelError extends RetryableError {
  constructor() {
    super('the incident channel does not exist yet', 60_000);
    this.name = 'WaitingForChannelError';
  }
}

/**
 * Runs one Slack step of an incident. A failure is written on the incident's timeline
 * (`slack.step_failed`, deduplicated by the use case) and rethrown for the runner to retry:
 * 429/5xx/network as RetryableError (Retry-After honoured), a refusal Slack will repeat
 * (`SlackApiError`: `restricted_action`, `channel_not_found`, ...) as PermanentError.
 */
export async function runStep(
  automation: SlackAutomation,
  incidentId: string,
  ctx: Pick<JobContext, 'kind' | 'attempt' | 'maxAttempts'>,
  step: () => Promise<void>,
): Promise<void> {
  try {
    await step();
  } catch (caught) {
    const error = caught instanceof SlackApiError ? new PermanentError(caught.message, { cause: caught }) : caught;
    const final = error instanceof PermanentError || ctx.attempt >= ctx.maxAttempts;
    if (!(error instanceof WaitingForChannelError) || final) {
      await recordStepFailure(automation.deps, incidentId, {
        step: ctx.kind,
        error: failureText(error),
        willRetry: !final,
        attempt: ctx.attempt,
      });
    }
    throw error;
  }
}

/** `Slack conversations.create: HTTP 500`: the error's message, secrets redacted, without the class name. */
export function failureText(error: unknown): string {
  return describeJobError(error).replace(/^[A-Za-z]*Error: /, '').slice(0, 300);
}
