import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's default (`requestTimestampMaxDeltaMin` in Bolt): older or newer requests are replays or clock trouble. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

export interface SignedRequest {
  signingSecret: string | undefined;
  /** The body exactly as received: parsing first breaks the signature. */
  rawBody: string;
  /** `X-Slack-Request-Timestamp` (Unix seconds). */
  timestamp: string | undefined;
  /** `X-Slack-Signature`: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
  signature: string | undefined;
  nowSeconds: number;
  maxAgeSeconds?: number;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Verifies a Slack request signature (v0), in constant time, refusing stale timestamps. */
export function verifySlackSignature(request: SignedRequest): SignatureCheck {
  const { signingSecret, rawBody, timestamp, signature, nowSeconds } = request;
  if (!signingSecret) return { ok: false, reason: 'SLACK_SIGNING_SECRET is not configured' };
  if (!timestamp || !signature) return { ok: false, reason: 'the X-Slack-Request-Timestamp or X-Slack-Signature header is missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Slack-Request-Timestamp is not a Unix time' };
  const age = Math.abs(nowSeconds - Number(timestamp));
  if (age > (request.maxAgeSeconds ?? MAX_REQUEST_AGE_SECONDS)) {
    return { ok: false, reason: `the request timestamp is ${Math.round(age)} s away from now (more than 5 minutes)` };
  }
  const [version, hex] = signature.split('=', 2);
  if (version !== 'v0' || !hex) return { ok: false, reason: 'X-Slack-Signature is not a v0 signature' };
  const expected = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest();
  const given = Buffer.from(hex, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'the signature does not match' };
  }
  return { ok: true };
}
