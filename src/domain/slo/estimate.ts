import { MINUTE_MS, type MinuteBucket, type Span } from './types.js';

/**
 * Availability estimated from incidents when no metric exists: each minute of `span` is one
 * event, bad when it overlaps an impact window of the service's incidents, good otherwise.
 */
export function estimateMinutes(span: Span, impacts: readonly Span[]): MinuteBucket[] {
  const sorted = impacts.filter((impact) => impact.end > impact.start).sort((a, b) => a.start - b.start);
  const buckets: MinuteBucket[] = [];
  let next = 0;
  const open: Span[] = [];
  for (let minute = span.start; minute < span.end; minute += MINUTE_MS) {
    while (next < sorted.length && sorted[next]!.start < minute + MINUTE_MS) open.push(sorted[next++]!);
    const bad = open.some((impact) => impact.end > minute);
    buckets.push({ start: minute, good: bad ? 0 : 1, total: 1 });
  }
  return buckets;
}
