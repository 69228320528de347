import { ValidationError } from '../../errors.js';
import { HOUR, instantMs, parseDate, parseTimeOfDay } from './instants.js';
import type { Layer, Restriction, Schedule, ShiftSource } from './types.js';
import { scheduleProblems } from './validate.js';
import { localTimeToInstant, zoneNamed, type Zone } from './zone-time.js';

/** A shift inside the engine: epoch milliseconds, `[start, end)`. */
export interface Span {
  userId: string;
  start: number;
  end: number;
  source: ShiftSource;
}

export type CompiledRestriction =
  | { kind: 'daily'; from: number; to: number }
  | { kind: 'weekly'; windows: { fromDay: number; from: number; toDay: number; to: number }[] };

export interface CompiledRotation {
  kind: 'rotation';
  id: string;
  source: ShiftSource;
  participants: readonly string[];
  /** `days` covers days and weeks (wall-clock turns); `hours` is elapsed time. */
  unit: 'days' | 'hours';
  /** Turn length in local days (unit days) or milliseconds (unit hours). */
  period: number;
  startDay: number;
  handoffMinute: number;
  /** The instant the first turn starts. */
  anchor: number;
  /** Exclusive; Infinity when the layer never ends. */
  end: number;
  /** Null when the layer is active at all times. */
  restriction: CompiledRestriction | null;
}

export interface CompiledExplicit {
  kind: 'explicit';
  id: string;
  /** Sorted by start; where two overlap the later-listed one wins (`rank`). */
  spans: (Span & { rank: number })[];
  /** The longest span, to bound look-ups. */
  longest: number;
}

export type CompiledLayer = CompiledRotation | CompiledExplicit;

/** A symbol, not a property JSON could carry: a request body can never pass as compiled. */
const COMPILED: unique symbol = Symbol('oncall.compiledSchedule');

export interface CompiledSchedule {
  readonly [COMPILED]: true;
  readonly id: string;
  readonly timeZone: string;
  readonly zone: Zone;
  /** Bottom first. */
  readonly layers: readonly CompiledLayer[];
  /** In listed order; a later one wins where two overlap. */
  readonly overrides: readonly Span[];
}

/**
 * Checks a schedule and turns it into the engine's form (instants parsed, zone resolved).
 * Every query accepts a Schedule and compiles it; a caller asking many questions of the
 * same schedule (who is on call now across all schedules) compiles once and passes this.
 * Throws ValidationError naming the first bad field; `scheduleProblems` lists them all.
 */
export function compileSchedule(schedule: Schedule | CompiledSchedule): CompiledSchedule {
  if (isCompiled(schedule)) return schedule;
  const problems = scheduleProblems(schedule);
  const first = problems[0];
  if (first) throw new ValidationError(first.field, first.reason);
  const zone = zoneNamed(schedule.timeZone);
  return {
    [COMPILED]: true,
    id: schedule.id,
    timeZone: schedule.timeZone,
    zone,
    layers: schedule.layers.map((layer) => compileLayer(layer, zone)),
    overrides: (schedule.overrides ?? []).map((o) => ({
      userId: o.userId,
      start: instantMs(o.start) as number,
      end: instantMs(o.end) as number,
      source: { overrideId: o.id },
    })),
  };
}

export function isCompiled(schedule: Schedule | CompiledSchedule): schedule is CompiledSchedule {
  return (schedule as Partial<CompiledSchedule>)[COMPILED] === true;
}

function compileLayer(layer: Layer, zone: Zone): CompiledLayer {
  const source = { layerId: layer.id };
  if (layer.kind === 'explicit') {
    const spans = layer.shifts
      .map((s, rank) => ({ userId: s.userId, start: instantMs(s.start) as number, end: instantMs(s.end) as number, source, rank }))
      .sort((a, b) => a.start - b.start || a.rank - b.rank);
    return { kind: 'explicit', id: layer.id, spans, longest: spans.reduce((m, s) => Math.max(m, s.end - s.start), 0) };
  }
  const startDay = parseDate(layer.startDate) as number;
  const handoffMinute = parseTimeOfDay(layer.handoffTime) as number;
  const { unit, length } = layer.rotation;
  return {
    kind: 'rotation',
    id: layer.id,
    source,
    participants: [...layer.participants],
    unit: unit === 'hours' ? 'hours' : 'days',
    period: unit === 'hours' ? length * HOUR : unit === 'weeks' ? length * 7 : length,
    startDay,
    handoffMinute,
    anchor: localTimeToInstant(zone, startDay, handoffMinute),
    end: layer.end === undefined ? Infinity : (instantMs(layer.end) as number),
    restriction: layer.restrictions === undefined ? null : compileRestriction(layer.restrictions),
  };
}

function compileRestriction(r: Restriction): CompiledRestriction | null {
  const minute = (t: string) => parseTimeOfDay(t) as number;
  if (r.kind === 'daily') {
    const from = minute(r.from);
    const to = minute(r.to);
    return from === to ? null : { kind: 'daily', from, to };
  }
  const windows = r.windows.map((w) => ({ fromDay: w.fromDay, from: minute(w.from), toDay: w.toDay, to: minute(w.to) }));
  // A window that ends where it starts covers the whole week.
  return windows.some((w) => w.fromDay === w.toDay && w.from === w.to) ? null : { kind: 'weekly', windows };
}
