import type { Span } from './compile.js';
import { toIso, toMs } from './instants.js';
import type { Gap, Instant, Shift } from './types.js';

/** The parts of `[from, to)` that no span covers; spans sorted by start (they may overlap). */
export function gapWindows(spans: readonly Span[], from: number, to: number): [number, number][] {
  const gaps: [number, number][] = [];
  let covered = from;
  for (const span of spans) {
    if (span.start > covered) gaps.push([covered, Math.min(span.start, to)]);
    covered = Math.max(covered, span.end);
    if (covered >= to) break;
  }
  if (covered < to) gaps.push([covered, to]);
  return gaps.filter(([s, e]) => e > s);
}

/** Where no one is on call in `[from, to)`, for any list of shifts (any order). */
export function findGaps(shifts: readonly Shift[], from: Instant, to: Instant): Gap[] {
  const spans = shifts
    .map((s) => ({ userId: s.userId, start: toMs(s.start, 'shift.start'), end: toMs(s.end, 'shift.end'), source: s.source }))
    .sort((a, b) => a.start - b.start);
  return gapWindows(spans, toMs(from, 'from'), toMs(to, 'to')).map(([s, e]) => ({ start: toIso(s), end: toIso(e) }));
}
