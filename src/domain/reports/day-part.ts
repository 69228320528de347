import { DateTime } from 'luxon';
import { WEEKDAYS, type ClockSpan, type DayPart, type WorkingTime } from './types.js';
import { isTimeZone } from './week.js';

/**
 * Business hours on a business day, else sleep hours, else off hours, all read on the
 * responder's own clock (the review's zone when theirs is unknown). Spans are half-open:
 * a page at 09:00 with business hours from 09:00 is a business-hours page, one at 08:59 is not.
 */
export function dayPartOf(at: number, working: WorkingTime, personZone: string | null): DayPart {
  const zone = personZone && isTimeZone(personZone) ? personZone : working.timeZone;
  const local = DateTime.fromMillis(at, { zone });
  const minute = local.hour * 60 + local.minute;
  const day = WEEKDAYS[local.weekday - 1]!;
  if (working.businessHours.days.includes(day) && within(minute, working.businessHours)) return 'business';
  return within(minute, working.sleepHours) ? 'sleep' : 'off';
}

/** `HH:MM` → minutes after midnight. */
export function clockMinutes(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return hours! * 60 + minutes!;
}

function within(minute: number, span: ClockSpan): boolean {
  const start = clockMinutes(span.start);
  const end = clockMinutes(span.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}
