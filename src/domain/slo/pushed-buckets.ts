import { windowLength } from './window.js';
import { MINUTE_MS, type MinuteBucket, type SloTarget } from './types.js';

/** A bucket as a client sends it: the minute's start and its good and total events. */
export interface PushedBucket {
  start: string;
  good: number;
  total: number;
}

export interface BucketProblem {
  /** `buckets[3].good` */
  field: string;
  reason: string;
}

/** Nobl9's bound: a count above it is a units mistake, not traffic. */
export const MAX_EVENTS_PER_MINUTE = 1e20;
/** Clocks drift; a minute further ahead than this is refused. */
export const FUTURE_TOLERANCE_MS = 5 * MINUTE_MS;
export const MAX_BUCKETS_PER_PUSH = 10_000;

/**
 * Checks pushed minute buckets for an SLO at `now`: each start a whole UTC minute, no more
 * than 5 minutes ahead nor older than the SLO's window, counts finite, non-negative, at most
 * 1e20, good ≤ total. The first problem is returned (the request is refused whole); the
 * same minute twice in one push keeps the last.
 */
export function checkPushedBuckets(target: SloTarget, buckets: readonly PushedBucket[], now: number): { buckets: MinuteBucket[] } | { problem: BucketProblem } {
  if (buckets.length === 0) return { problem: { field: 'buckets', reason: 'must hold at least one bucket' } };
  if (buckets.length > MAX_BUCKETS_PER_PUSH) return { problem: { field: 'buckets', reason: `holds ${buckets.length} buckets; send at most ${MAX_BUCKETS_PER_PUSH} per request` } };
  const oldest = now - windowLength(target.window, now);
  const byMinute = new Map<number, MinuteBucket>();
  for (const [index, bucket] of buckets.entries()) {
    const at = (field: string, reason: string) => ({ problem: { field: `buckets[${index}].${field}`, reason } });
    const start = parseStart(bucket.start);
    if (start === undefined) return at('start', `is not an RFC 3339 time (got ${JSON.stringify(bucket.start)})`);
    if (start % MINUTE_MS !== 0) return at('start', `must be the start of a minute, like 2026-11-20T09:15:00Z (got ${bucket.start})`);
    if (start > now + FUTURE_TOLERANCE_MS) return at('start', `is more than 5 minutes in the future (got ${bucket.start})`);
    if (start < oldest) return at('start', `is older than the SLO's window (${new Date(oldest).toISOString()} is the oldest minute accepted)`);
    for (const field of ['good', 'total'] as const) {
      const value = bucket[field];
      if (typeof value !== 'number' || !Number.isFinite(value)) return at(field, `must be a finite number (got ${JSON.stringify(value)})`);
      if (value < 0) return at(field, `must not be negative (got ${value})`);
      if (value > MAX_EVENTS_PER_MINUTE) return at(field, `must be at most 1e20 events a minute (got ${value})`);
    }
    if (bucket.good > bucket.total) return at('good', `must not exceed total (good ${bucket.good} > total ${bucket.total})`);
    byMinute.set(start, { start, good: bucket.good, total: bucket.total });
  }
  return { buckets: [...byMinute.values()].sort((a, b) => a.start - b.start) };
}

function parseStart(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}
