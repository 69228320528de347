import { MINUTE_MS, type Budgeting, type MinuteBucket, type Span } from './types.js';

/** What a span of minutes adds up to; `minutesWithData` tells a quiet hour from a missing one. */
export interface Totals {
  good: number;
  total: number;
  /** Events that were not good (occurrences), or minutes that missed the slice target (timeslices). */
  bad: number;
  minutesWithData: number;
}

export const EMPTY_TOTALS: Totals = { good: 0, total: 0, bad: 0, minutesWithData: 0 };

/** The bad amount one minute contributes: its failed events, or 1 when it missed the slice target. */
export function badIn(bucket: MinuteBucket, budgeting: Budgeting): number {
  if (budgeting.kind === 'occurrences') return bucket.total - bucket.good;
  return bucket.total > 0 && bucket.good / bucket.total < budgeting.sliceTarget ? 1 : 0;
}

/** Sums the minutes inside `span` (buckets sorted by start; binary search finds the first). */
export function totalsIn(buckets: readonly MinuteBucket[], span: Span, budgeting: Budgeting): Totals {
  let good = 0;
  let total = 0;
  let bad = 0;
  let minutesWithData = 0;
  for (let i = firstAtOrAfter(buckets, span.start); i < buckets.length && buckets[i]!.start < span.end; i++) {
    const bucket = buckets[i]!;
    good += bucket.good;
    total += bucket.total;
    bad += badIn(bucket, budgeting);
    minutesWithData += 1;
  }
  return { good, total, bad, minutesWithData };
}

export function firstAtOrAfter(buckets: readonly MinuteBucket[], at: number): number {
  let low = 0;
  let high = buckets.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (buckets[mid]!.start < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Rolls minutes up into coarser buckets (hours, days) aligned to `unitMs` from the epoch. */
export function rollUp(buckets: readonly MinuteBucket[], unitMs: number, budgeting: Budgeting): Array<Totals & { start: number }> {
  if (unitMs % MINUTE_MS !== 0) throw new RangeError('a roll-up unit is a whole number of minutes');
  const out: Array<Totals & { start: number }> = [];
  for (const bucket of buckets) {
    const start = bucket.start - (bucket.start % unitMs);
    let last = out[out.length - 1];
    if (!last || last.start !== start) {
      last = { start, ...EMPTY_TOTALS };
      out.push(last);
    }
    last.good += bucket.good;
    last.total += bucket.total;
    last.bad += badIn(bucket, budgeting);
    last.minutesWithData += 1;
  }
  return out;
}
