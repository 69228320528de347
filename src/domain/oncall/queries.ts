import { ValidationError } from '../../errors.js';
import { compileSchedule, type CompiledSchedule, type Span } from './compile.js';
import { gapWindows } from './gaps.js';
import { DAY, toIso, toMs } from './instants.js';
import { layerSpans } from './layer-shifts.js';
import { finalSpans } from './merge.js';
import { stackByPrecedence } from './precedence.js';
import type { Gap, Handoff, Instant, Schedule, Shift, ShiftSource } from './types.js';

/** The longest window a range query computes (two years, a leap day included). */
export const MAX_RANGE_DAYS = 731;

export interface OnCall {
  userId: string;
  source: ShiftSource;
}

/**
 * Who is on call at `at`: the latest override covering it, else the top-most layer with
 * someone at that instant, else null (a gap). Costs a few offset look-ups per layer,
 * whatever the layer's age: the turn is found arithmetically.
 */
export function onCallAt(schedule: Schedule | CompiledSchedule, at: Instant): OnCall | null {
  return onCallAtMs(compileSchedule(schedule), toMs(at, 'at'));
}

function onCallAtMs(s: CompiledSchedule, t: number): OnCall | null {
  for (let i = s.overrides.length - 1; i >= 0; i--) {
    const o = s.overrides[i] as Span;
    if (o.start <= t && t < o.end) return { userId: o.userId, source: o.source };
  }
  for (let i = s.layers.length - 1; i >= 0; i--) {
    const hit = layerSpans(s.layers[i] as CompiledSchedule['layers'][number], s.zone, t, t + 1)[0];
    if (hit) return { userId: hit.userId, source: hit.source };
  }
  return null;
}

/** The final shifts meeting `[from, to)`, clipped to it, sorted, never overlapping. */
export function onCallDuring(schedule: Schedule | CompiledSchedule, from: Instant, to: Instant): Shift[] {
  const s = compileSchedule(schedule);
  const [lo, hi] = range(from, to);
  return finalSpans(s, lo, hi).map(toShift);
}

/** The final shifts and the gaps between them over `[from, to)`, from one computation. */
export function coverageDuring(schedule: Schedule | CompiledSchedule, from: Instant, to: Instant): { shifts: Shift[]; gaps: Gap[] } {
  const s = compileSchedule(schedule);
  const [lo, hi] = range(from, to);
  const spans = finalSpans(s, lo, hi);
  return { shifts: spans.map(toShift), gaps: gapWindows(spans, lo, hi).map(([a, b]) => ({ start: toIso(a), end: toIso(b) })) };
}

/** One layer's own shifts over `[from, to)` (a person's consecutive turns joined), ignoring other layers and overrides. */
export function layerShifts(schedule: Schedule | CompiledSchedule, layerId: string, from: Instant, to: Instant): Shift[] {
  const s = compileSchedule(schedule);
  const layer = s.layers.find((l) => l.id === layerId);
  if (!layer) throw new ValidationError('layerId', `no layer ${layerId} in schedule ${s.id}`);
  const [lo, hi] = range(from, to);
  return stackByPrecedence([layerSpans(layer, s.zone, lo, hi)]).map(toShift);
}

/**
 * The first instant strictly after `after` at which the person on call changes, in the
 * final schedule (a gap starting or ending counts: `from` or `to` is then null). Looks at
 * most `horizonDays` ahead, growing its window from a day, and returns null when nothing
 * changes that soon (one participant, or a gap that never ends).
 */
export function nextHandoff(schedule: Schedule | CompiledSchedule, after: Instant, options: { horizonDays?: number } = {}): Handoff | null {
  const s = compileSchedule(schedule);
  const t = toMs(after, 'after');
  const horizon = t + Math.min(options.horizonDays ?? MAX_RANGE_DAYS, MAX_RANGE_DAYS) * DAY;
  let current: string | null = onCallAtMs(s, t)?.userId ?? null;
  let from = t;
  let width = DAY;
  while (from < horizon) {
    const to = Math.min(from + width, horizon);
    let covered = from;
    for (const span of finalSpans(s, from, to)) {
      if (span.start > covered && current !== null) return handoff(covered, current, null);
      if (span.userId !== current) return handoff(Math.max(span.start, covered), current, span.userId);
      covered = span.end;
    }
    if (covered < to && current !== null) return handoff(covered, current, null);
    from = to;
    width *= 2;
  }
  return null;
}

function handoff(at: number, from: string | null, to: string | null): Handoff {
  return { at: toIso(at), from, to };
}

function range(from: Instant, to: Instant): [number, number] {
  const lo = toMs(from, 'from');
  const hi = toMs(to, 'to');
  if (hi < lo) throw new ValidationError('to', 'must not be before from');
  if (hi - lo > MAX_RANGE_DAYS * DAY) throw new ValidationError('to', `must be at most ${MAX_RANGE_DAYS} days after from`);
  return [lo, hi];
}

function toShift(span: Span): Shift {
  return { userId: span.userId, start: toIso(span.start), end: toIso(span.end), source: span.source };
}
