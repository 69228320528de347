import { DAY_MS, HOUR_MS, MINUTE_MS, type Span } from './types.js';

/** Where each part of a span is read from: whole UTC days, whole hours, and the minutes at the edges. */
export interface RollupSpans {
  days: Span | null;
  hours: Span[];
  minutes: Span[];
}

/**
 * Splits a span (its ends floored to whole minutes) into the coarsest roll-ups that cover it
 * exactly, so a 30-day sum reads about 30 day rows, 46 hour rows and at most 118 minutes.
 */
export function splitForRollups(span: Span): RollupSpans {
  const start = ceilTo(span.start, MINUTE_MS);
  const end = floorTo(span.end, MINUTE_MS);
  const out: RollupSpans = { days: null, hours: [], minutes: [] };
  if (end <= start) return out;
  const firstDay = ceilTo(start, DAY_MS);
  const lastDay = floorTo(end, DAY_MS);
  if (firstDay < lastDay) {
    out.days = { start: firstDay, end: lastDay };
    addHoursAndMinutes(out, { start, end: firstDay });
    addHoursAndMinutes(out, { start: lastDay, end });
  } else addHoursAndMinutes(out, { start, end });
  return out;
}

function addHoursAndMinutes(out: RollupSpans, span: Span): void {
  if (span.end <= span.start) return;
  const firstHour = ceilTo(span.start, HOUR_MS);
  const lastHour = floorTo(span.end, HOUR_MS);
  if (firstHour < lastHour) {
    pushSpan(out.minutes, { start: span.start, end: firstHour });
    out.hours.push({ start: firstHour, end: lastHour });
    pushSpan(out.minutes, { start: lastHour, end: span.end });
  } else pushSpan(out.minutes, span);
}

function pushSpan(list: Span[], span: Span): void {
  if (span.end > span.start) list.push(span);
}

export function floorTo(at: number, unit: number): number {
  return Math.floor(at / unit) * unit;
}

export function ceilTo(at: number, unit: number): number {
  return Math.ceil(at / unit) * unit;
}
