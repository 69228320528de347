export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A daily span of wall-clock time, `HH:MM` each; an end before the start runs past midnight. */
export interface ClockSpan {
  start: string;
  end: string;
}

/** When people work and sleep, for telling business-hours pages from off-hours and sleep-hours ones. */
export interface WorkingTime {
  /** The zone for people without a valid one of their own. */
  timeZone: string;
  businessHours: ClockSpan & { days: Weekday[] };
  sleepHours: ClockSpan;
}

export type DayPart = 'business' | 'off' | 'sleep';

/** Which SLOs, incidents, pages and follow-ups a review covers. */
export type ReportScope = { kind: 'organisation' } | { kind: 'team'; team: string } | { kind: 'service'; service: string };
