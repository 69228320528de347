import { DateTime } from 'luxon';
import { DAY_MS, type SloWindow, type Span } from './types.js';

/**
 * The window an SLO is judged over at `at`: the N days before it when rolling, else the
 * calendar week (ISO, Monday first) or month containing it, in the window's zone — so a
 * month in Asia/Tokyo starts at 15:00 UTC the day before.
 */
export function windowAt(window: SloWindow, at: number): Span {
  if (window.kind === 'rolling') return { start: at - window.days * DAY_MS, end: at };
  const local = DateTime.fromMillis(at, { zone: window.timeZone });
  const start = local.startOf(window.unit === 'week' ? 'week' : 'month');
  return { start: start.toMillis(), end: start.plus(window.unit === 'week' ? { weeks: 1 } : { months: 1 }).toMillis() };
}

/** How long the window is: fixed when rolling, the real length of this week or month (DST included) otherwise. */
export function windowLength(window: SloWindow, at: number): number {
  const span = windowAt(window, at);
  return span.end - span.start;
}
