import { DateTime } from 'luxon';

/**
 * Calendar windows in a schedule's time zone. Days are local days there, so a day across a
 * DST change is 23 or 25 hours wide on the timeline, exactly as long as it lasts.
 */

export const CALENDAR_VIEWS = ['week', 'twoWeeks', 'month'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export interface CalendarDay {
  /** YYYY-MM-DD in the zone. */
  date: string;
  start: number;
  end: number;
  weekend: boolean;
}

export interface CalendarWindow {
  from: number;
  to: number;
  days: CalendarDay[];
}

const day = (date: string, zone: string) => DateTime.fromISO(date, { zone }).startOf('day');

/** The local date in `zone` at `now`. */
export function todayIn(zone: string, now: number): string {
  return DateTime.fromMillis(now, { zone }).toISODate() ?? '';
}

export function isCalendarView(value: string | null): value is CalendarView {
  return (CALENDAR_VIEWS as readonly string[]).includes(value ?? '');
}

export function isIsoDate(value: string | null): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** Weeks start on Monday (ISO 8601); a month view is the whole calendar month holding `anchor`. */
export function calendarWindow(view: CalendarView, anchor: string, zone: string): CalendarWindow {
  const at = day(anchor, zone);
  const first = view === 'month' ? at.startOf('month') : at.startOf('week');
  const last = view === 'month' ? first.plus({ months: 1 }) : first.plus({ weeks: view === 'week' ? 1 : 2 });
  const days: CalendarDay[] = [];
  for (let d = first; d < last; d = d.plus({ days: 1 })) {
    days.push({ date: d.toISODate() ?? '', start: d.toMillis(), end: d.plus({ days: 1 }).toMillis(), weekend: d.weekday >= 6 });
  }
  return { from: first.toMillis(), to: last.toMillis(), days };
}

/** The anchor one view earlier or later. */
export function moveAnchor(view: CalendarView, anchor: string, step: -1 | 1, zone: string): string {
  const at = day(anchor, zone);
  const moved = view === 'month' ? at.plus({ months: step }) : at.plus({ weeks: step * (view === 'week' ? 1 : 2) });
  return moved.toISODate() ?? anchor;
}

/** A `datetime-local` value (wall-clock time in `zone`) to an ISO instant with its offset; null when unreadable. */
export function wallTimeToIso(value: string, zone: string): string | null {
  if (!value) return null;
  const at = DateTime.fromISO(value, { zone });
  return at.isValid ? at.toISO({ suppressMilliseconds: true }) : null;
}

/** An instant as a `datetime-local` value in `zone`. */
export function isoToWallTime(instant: string | number, zone: string): string {
  const at = typeof instant === 'number' ? DateTime.fromMillis(instant, { zone }) : DateTime.fromISO(instant, { zone });
  return at.toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The next full hour on the zone's clocks (zones a half hour off UTC included). */
export function nextFullHour(now: number, zone: string): number {
  return DateTime.fromMillis(now, { zone }).startOf('hour').plus({ hours: 1 }).toMillis();
}
