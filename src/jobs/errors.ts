import { HikeshiError } from '../errors.js';

/**
 * A failure worth retrying: a 429 or 5xx, a timeout, a dropped connection. The runner
 * owns the backoff; `retryAfterMs` (e.g. Slack's Retry-After header, in ms) is honoured
 * when it is longer than the backoff. Errors of any other class are retried the same way.
 */
export class RetryableError extends HikeshiError {
  readonly code = 'job.retryable';
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'RetryableError';
  }
}

/**
 * A failure that no retry can fix: a revoked token, an archived channel, a record that is
 * gone. The job is marked failed at once.
 */
export class PermanentError extends HikeshiError {
  readonly code = 'job.permanent';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

const MAX_ERROR_TEXT = 1_000;
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/\bxox[a-z]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/\bxapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  [/\b(Bearer|Basic)\s+[^\s"']+/gi, '$1 [redacted]'],
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/g, '$1[redacted]@'],
];

/**
 * The text stored in `jobs.last_error` and logged: the error's class and message, with
 * anything shaped like a token or URL credential removed, and cut to 1,000 characters.
 * Handlers should still keep payloads and secrets out of messages; this is the net.
 */
export function describeJobError(error: unknown): string {
  let text = error instanceof Error ? `${error.name}: ${error.message}` : `thrown value: ${String(error)}`;
  for (const [pattern, replacement] of SECRET_PATTERNS) text = text.replace(pattern, replacement);
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT - 1)}…` : text;
}
