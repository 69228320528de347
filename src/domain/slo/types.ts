/** How an SLO counts: by events (good/total) or by minutes, each good when its ratio meets the slice target. */
export type Budgeting = { kind: 'occurrences' } | { kind: 'timeslices'; sliceTarget: number };

/** The period the objective holds over: the last N days, or the current calendar week or month in a zone. */
export type SloWindow = { kind: 'rolling'; days: number } | { kind: 'calendar'; unit: 'week' | 'month'; timeZone: string };

export interface SloTarget {
  /** The objective as a fraction in (0, 1): 0.999 is 99.9 %. */
  objective: number;
  window: SloWindow;
  budgeting: Budgeting;
}

/** One minute of SLI data; `start` is the minute's first millisecond (UTC epoch). Minutes without data are absent. */
export interface MinuteBucket {
  start: number;
  good: number;
  total: number;
}

/** A half-open span of time in epoch milliseconds: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
