import { DateTime, IANAZone } from 'luxon';
import type { Span } from '../slo/types.js';

/** An ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export interface IsoWeek {
  year: number;
  week: number;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** `2026-W48` → {year: 2026, week: 48}; the reason when the text is not a week that exists. */
export function parseIsoWeek(text: string): IsoWeek | { problem: string } {
  const match = WEEK_PATTERN.exec(text);
  if (!match) return { problem: `must be an ISO week like 2026-W48 (got "${text}")` };
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = weeksInYear(year);
  if (week < 1 || week > weeks) return { problem: `${year} has weeks 01 to ${weeks} (got "${text}")` };
  return { year, week };
}

export function formatIsoWeek(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

export function weeksInYear(year: number): number {
  return DateTime.fromObject({ weekYear: year, weekNumber: 1 }, { zone: 'UTC' }).weeksInWeekYear;
}

/** Monday 00:00 to the next Monday 00:00 in the zone: 167 or 169 hours in a week the clocks change. */
export function weekSpan(week: IsoWeek, timeZone: string): Span {
  const start = DateTime.fromObject({ weekYear: week.year, weekNumber: week.week, weekday: 1 }, { zone: timeZone }).startOf('day');
  return { start: start.toMillis(), end: start.plus({ weeks: 1 }).toMillis() };
}

/** The ISO week containing `at` in the zone. */
export function weekContaining(at: number, timeZone: string): IsoWeek {
  const local = DateTime.fromMillis(at, { zone: timeZone });
  return { year: local.weekYear, week: local.weekNumber };
}

export function previousWeek(week: IsoWeek): IsoWeek {
  if (week.week > 1) return { year: week.year, week: week.week - 1 };
  return { year: week.year - 1, week: weeksInYear(week.year - 1) };
}

export function nextWeek(week: IsoWeek): IsoWeek {
  if (week.week < weeksInYear(week.year)) return { year: week.year, week: week.week + 1 };
  return { year: week.year + 1, week: 1 };
}

/** The calendar date (YYYY-MM-DD) at `at` in the zone: the review's "today" for due dates. */
export function localDate(at: number, timeZone: string): string {
  return DateTime.fromMillis(at, { zone: timeZone }).toISODate()!;
}

export function isTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}
