import type { Logger } from 'pino';
import { HikeshiError, ValidationError } from '../../errors.js';
import { PermanentError, RetryableError } from '../../jobs/errors.js';
import { SlackApiError } from '../client.js';
import { SlackProfileUnavailableError } from './slack-person.js';

/**
 * The one place where a refusal becomes words for the person in Slack (an ephemeral
 * message, or an error under a modal field). Bugs are logged and explained vaguely.
 */
export function explainError(error: unknown, logger?: Logger): string {
  if (error instanceof ValidationError) return `:warning: *${error.field}*: ${error.reason}`;
  if (error instanceof RetryableError || error instanceof PermanentError) {
    logger?.warn({ err: error }, 'Slack call failed while answering a Slack request');
    return ':warning: Slack could not be reached just now. Please try again in a moment.';
  }
  if (error instanceof HikeshiError) return `:warning: ${error.message}`;
  if (error instanceof SlackProfileUnavailableError) {
    return ':hourglass: Slack took too long to tell Hikeshi who you are (this happens only the first time). Please try again.';
  }
  if (error instanceof SlackApiError) return `:warning: Slack refused \`${error.method}\`: \`${error.error}\`.`;
  logger?.error({ err: error }, 'a Slack request failed');
  return ':boom: Something went wrong in Hikeshi; it has been logged. Please try again.';
}

/**
 * A refusal shown under the modal field it is about (`response_action: "errors"`).
 * `blockOf` names the block of a use-case field (`services[1]` → `services`).
 */
export function modalErrors(
  error: unknown,
  blockOf: (field: string) => string,
  logger?: Logger,
): Record<string, string> {
  const field = error instanceof ValidationError ? error.field : '';
  const text = error instanceof ValidationError ? error.reason : explainError(error, logger).replace(/^:[a-z_]+: /, '');
  return { [blockOf(field)]: text };
}
