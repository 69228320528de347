/** A token bucket: `tokens` left at `atMs`. */
export interface Bucket {
  tokens: number;
  atMs: number;
}

/**
 * Takes `cost` alerts from an integration's bucket, which holds one minute's allowance and
 * refills continuously. Refused: the bucket is unchanged and `retryAfterSeconds` says when
 * the cost will fit (a request larger than the whole allowance is charged the allowance).
 */
export function takeTokens(
  bucket: Bucket | undefined,
  cost: number,
  perMinute: number,
  nowMs: number,
): { bucket: Bucket; allowed: boolean; retryAfterSeconds: number } {
  const perMs = perMinute / 60_000;
  const start = bucket ? Math.min(perMinute, bucket.tokens + Math.max(0, nowMs - bucket.atMs) * perMs) : perMinute;
  const charge = Math.min(cost, perMinute);
  if (start >= charge) return { bucket: { tokens: start - charge, atMs: nowMs }, allowed: true, retryAfterSeconds: 0 };
  return { bucket: { tokens: start, atMs: nowMs }, allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((charge - start) / perMs / 1000)) };
}
