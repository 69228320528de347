import { ErrorCode, WebClient, type WebAPICallResult } from '@slack/web-api';
import { PermanentError, RetryableError } from '../jobs/errors.js';

/**
 * A WebClient that never retries or sleeps by itself: Slack calls run in jobs, and the job
 * runner owns retries (429 Retry-After, 5xx backoff), so a crash mid-wait loses nothing.
 */
export function createSlackClient(token: string, apiUrl: string | undefined): WebClient {
  return new WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
}

/** Slack said no, for a reason the caller may handle (`name_taken`, `ura_max_channels`, ...). */
export class SlackApiError extends Error {
  constructor(
    readonly method: string,
    readonly error: string,
  ) {
    super(`Slack ${method}: ${error}`);
  }
}

// Retrying these cannot help: the token is gone or lacks a scope, or the channel is gone.
const PERMANENT = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'missing_scope',
  'not_allowed_token_type',
  'team_access_not_granted',
  'is_archived',
]);

/**
 * Calls Slack and sorts the outcome the way jobs need it: rate limits and server or network
 * failures are retryable (honouring Retry-After), dead credentials are permanent, and any
 * other refusal is a SlackApiError naming Slack's error code.
 */
export async function callSlack<T extends WebAPICallResult>(method: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const e = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
    switch (e.code) {
      case ErrorCode.RateLimitedError:
        throw new RetryableError(`Slack ${method}: rate limited`, (e.retryAfter ?? 1) * 1000);
      case ErrorCode.HTTPError:
        if ((e.statusCode ?? 500) >= 500) throw new RetryableError(`Slack ${method}: HTTP ${e.statusCode}`);
        throw new PermanentError(`Slack ${method}: HTTP ${e.statusCode}`);
      case ErrorCode.RequestError:
        throw new RetryableError(`Slack ${method}: the request failed (${(error as Error).message})`);
      case ErrorCode.PlatformError: {
        const code = e.data?.error ?? 'unknown_error';
        if (code === 'ratelimited') throw new RetryableError(`Slack ${method}: rate limited`, 1000);
        if (code === 'internal_error' || code === 'fatal_error' || code === 'service_unavailable') {
          throw new RetryableError(`Slack ${method}: ${code}`);
        }
        if (PERMANENT.has(code)) throw new PermanentError(`Slack ${method}: ${code}`);
        throw new SlackApiError(method, code);
      }
      default:
        throw error;
    }
  }
}
