import { ValidationError } from '../errors.js';
import type { Executor } from '../store/database.js';
import { encodeJson } from '../store/json.js';
import { insertJobIfAbsent } from '../store/repositories/jobs.js';
import type { JobKind, JobPayloads } from './kinds.js';

export interface EnqueueOptions {
  /**
   * Idempotency key: while a job with this key exists (any status, until purged), another
   * enqueue with it is a no-op. Name the effect, e.g. `alert-ack:<alertId>`.
   */
  key?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before the job is marked failed (default 10: about 17 minutes of backoff). */
  maxAttempts?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 10;
/** Payloads carry ids, not records: a payload this large is a bug. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * Adds a job in the caller's transaction: it becomes visible to runners when that
 * transaction commits, and a rolled-back transaction leaves no job. Returns false when
 * `options.key` was already used (nothing was inserted).
 */
export async function enqueue<K extends JobKind>(
  tx: Executor,
  kind: K,
  payload: JobPayloads[K],
  options: EnqueueOptions,
  now: Date,
): Promise<boolean> {
  if (!kind) throw new ValidationError('kind', 'is required');
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new ValidationError('maxAttempts', 'must be a whole number of at least 1');
  }
  const runAt = options.runAt ?? now;
  if (Number.isNaN(runAt.getTime())) throw new ValidationError('runAt', 'is not a valid date');
  if (options.key !== undefined && options.key.length === 0) throw new ValidationError('key', 'must not be empty');
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new ValidationError('payload', 'must be a JSON object');
  }
  const encoded = encodeJson(payload);
  if (Buffer.byteLength(encoded) > MAX_PAYLOAD_BYTES) {
    throw new ValidationError('payload', `is over ${MAX_PAYLOAD_BYTES} bytes: carry ids, not records`);
  }
  const id = await insertJobIfAbsent(
    tx,
    { kind, payload: encoded, idempotencyKey: options.key ?? null, runAt, maxAttempts },
    now,
  );
  return id !== undefined;
}
