import { DateTime } from 'luxon';
import { clockMinutes } from './day-part.js';
import { WEEKDAYS, type Weekday } from './types.js';
import { formatIsoWeek, previousWeek, weekContaining } from './week.js';

/** When the weekly review is posted, on the review zone's clock. */
export interface PostTime {
  day: Weekday;
  /** HH:MM */
  time: string;
  timeZone: string;
}

/** A post moment and the week it reviews: the last complete week at that moment. */
export interface PostMoment {
  at: number;
  week: string;
}

/**
 * The latest post moment at or before `now` (what a server that was down must still post)
 * and the next one after it. A time that does not exist on a DST change day is the first
 * instant after the gap.
 */
export function postMoments(post: PostTime, now: number): { latest: PostMoment; next: PostMoment } {
  const local = DateTime.fromMillis(now, { zone: post.timeZone });
  const minutes = clockMinutes(post.time);
  const weekday = WEEKDAYS.indexOf(post.day) + 1;
  const at = (week: DateTime) =>
    week.startOf('week').plus({ days: weekday - 1 }).set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();
  const thisWeek = at(local);
  const latestAt = thisWeek <= now ? thisWeek : at(local.minus({ weeks: 1 }));
  const nextAt = thisWeek > now ? thisWeek : at(local.plus({ weeks: 1 }));
  return { latest: moment(latestAt, post.timeZone), next: moment(nextAt, post.timeZone) };
}

function moment(at: number, timeZone: string): PostMoment {
  return { at, week: formatIsoWeek(previousWeek(weekContaining(at, timeZone))) };
}
