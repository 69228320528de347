import { createHmac, timingSafeEqual } from 'node:crypto';

/** Grafana's default signature header (grafana/alerting http/hmac.go). */
export const GRAFANA_SIGNATURE_HEADER = 'x-grafana-alerting-signature';
const MAX_SKEW_SECONDS = 300;

/**
 * Grafana's HMAC: hex(HMAC-SHA256(secret, [timestamp + ":"] + raw body)), the timestamp
 * (Unix seconds) present only when a timestamp header is configured; then it must be within
 * five minutes of now, so a captured request cannot be replayed later. Compared in constant time.
 */
export function verifyGrafanaSignature(input: {
  secret: string;
  body: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  timestampRequired: boolean;
  nowMs: number;
}): boolean {
  const { secret, body, signature, timestamp } = input;
  if (!signature || !/^[0-9a-fA-F]{64}$/.test(signature)) return false;
  if (input.timestampRequired && timestamp === undefined) return false;
  const hmac = createHmac('sha256', secret);
  if (timestamp !== undefined) {
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(input.nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
    hmac.update(`${timestamp}:`);
  }
  hmac.update(body);
  return timingSafeEqual(hmac.digest(), Buffer.from(signature, 'hex'));
}
