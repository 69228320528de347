/**
 * On-call schedule model. Stored and exchanged as plain JSON-friendly values: dates are
 * `YYYY-MM-DD`, times of day `HH:mm` (24 h, in the schedule's zone), instants ISO 8601
 * strings with an explicit offset (`Z` or `±HH:mm`). The engine's answers use UTC ISO
 * strings (`2025-03-09T14:00:00.000Z`). A string without an offset is rejected: it would
 * otherwise be read in the server's zone.
 *
 * The wall-clock rules (DST gaps and repeats, hours vs days) are in `zone-time.ts` and
 * `layer-shifts.ts`; README.md beside this file sums them up.
 */

/** An instant at a boundary: a Date, or an ISO 8601 string with `Z` or an offset. */
export type Instant = Date | string;

/** ISO weekday: 1 = Monday … 7 = Sunday (ISO 8601, as PagerDuty's restrictions). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type RotationUnit = 'hours' | 'days' | 'weeks';

export interface Rotation {
  unit: RotationUnit;
  /** Whole units per turn, 1 or more. */
  length: number;
}

/**
 * Times of day when a layer is active, in the schedule's zone. Outside them the layer has
 * no one and lower layers show through. The rotation keeps turning underneath: whoever's
 * turn it is when a window opens is on call, and a handoff inside a window splits it.
 */
export type Restriction =
  /** Every day from `from` to `to`; `to` at or before `from` runs past midnight; equal = all day. */
  | { kind: 'daily'; from: string; to: string }
  /** Each window runs from `fromDay from` to the next `toDay to` (wrapping the week). */
  | { kind: 'weekly'; windows: WeeklyWindow[] };

export interface WeeklyWindow {
  fromDay: IsoWeekday;
  from: string;
  toDay: IsoWeekday;
  to: string;
}

/** A layer that rotates its participants. */
export interface RotationLayer {
  kind?: 'rotation';
  id: string;
  name: string;
  /** User ids, in turn order; the first takes the turn that starts at `startDate handoffTime`. */
  participants: string[];
  rotation: Rotation;
  /** `HH:mm` in the schedule's zone. */
  handoffTime: string;
  /** `YYYY-MM-DD`: the layer's first turn starts on this date at `handoffTime`. */
  startDate: string;
  /** The layer stops at this instant (exclusive); absent = never. */
  end?: string;
  restrictions?: Restriction;
}

/** A layer of explicit shifts, e.g. an imported spreadsheet rota. Later entries win where they overlap. */
export interface ExplicitLayer {
  kind: 'explicit';
  id: string;
  name: string;
  shifts: ExplicitShift[];
}

export interface ExplicitShift {
  userId: string;
  start: string;
  end: string;
}

export type Layer = RotationLayer | ExplicitLayer;

/** "This person covers from `start` to `end`" (end exclusive), above every layer. */
export interface Override {
  id: string;
  userId: string;
  start: string;
  end: string;
}

export interface Schedule {
  id: string;
  name?: string;
  /** IANA zone, e.g. `Europe/London`; handoffs and restrictions are wall-clock times here. */
  timeZone: string;
  /** Bottom first: a later layer takes precedence over an earlier one where both have someone. */
  layers: Layer[];
  /** Above all layers; a later override takes precedence over an earlier one. */
  overrides?: Override[];
}

export type ShiftSource = { layerId: string } | { overrideId: string };

/** One person on call over `[start, end)`, UTC ISO strings. */
export interface Shift {
  userId: string;
  start: string;
  end: string;
  source: ShiftSource;
}

/** A stretch of time in which no one is on call. */
export interface Gap {
  start: string;
  end: string;
}

export interface Handoff {
  /** When the on-call person changes. */
  at: string;
  /** Who hands over; `null` when a gap ends. */
  from: string | null;
  /** Who takes over; `null` when a gap starts. */
  to: string | null;
}
