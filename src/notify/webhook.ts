import { createHmac, timingSafeEqual } from 'node:crypto';
import { PermanentError, RetryableError } from '../jobs/errors.js';

export interface SignedWebhookRequest {
  url: string;
  /** The HMAC-SHA256 key shared with the receiver. */
  secret: string;
  body: unknown;
  /** Stable across retries of the same delivery, so the receiver can drop repeats. */
  deliveryId: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** A Retry-After longer than this is capped: an escalation must not stall for hours. */
const MAX_RETRY_AFTER_MS = 15 * 60_000;
const SIGNATURE_VERSION = 'v1';

/**
 * POSTs a JSON body signed with HMAC-SHA256 over `<timestamp>.<raw body>`
 * (`x-hikeshi-signature: v1=<hex>`, `x-hikeshi-timestamp: <unix seconds>`). A 2xx answer
 * delivers it; 429, 5xx, a timeout or a network failure is a RetryableError (Retry-After
 * honoured); any other answer is a PermanentError. Errors name the host, never the full URL
 * (its path or query may hold a token).
 */
export async function sendSignedWebhook(request: SignedWebhookRequest): Promise<void> {
  const rawBody = JSON.stringify(request.body);
  const timestamp = Math.floor(Date.now() / 1000);
  const where = hostOf(request.url);
  if (!where) throw new PermanentError('webhook URL is not a valid http(s) URL');
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Hikeshi',
        'x-hikeshi-delivery': request.deliveryId,
        'x-hikeshi-timestamp': String(timestamp),
        'x-hikeshi-signature': signWebhook(request.secret, timestamp, rawBody),
      },
      body: rawBody,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : `failed (${describeCause(error)})`;
    throw new RetryableError(`webhook to ${where} ${reason}`);
  }
  // The answer's body is not needed; reading it releases the connection.
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return;
  const status = `webhook to ${where} answered HTTP ${response.status}`;
  if (response.status === 429 || response.status >= 500) {
    throw new RetryableError(status, retryAfterMs(response.headers.get('retry-after'), Date.now()));
  }
  throw new PermanentError(status);
}

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<rawBody>")>` */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `${SIGNATURE_VERSION}=${digest}`;
}

/**
 * For receivers (and tests): true when the signature is Hikeshi's for this body and the
 * timestamp is within `toleranceSeconds` of `now`, which refuses a replayed old delivery.
 * The comparison takes constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  timestampHeader: string | null | undefined,
  signatureHeader: string | null | undefined,
  rawBody: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  if (!timestampHeader || !signatureHeader || !/^\d{1,12}$/.test(timestampHeader)) return false;
  const timestamp = Number(timestampHeader);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signatureHeader);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - nowMs;
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host : undefined;
  } catch {
    return undefined;
  }
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
