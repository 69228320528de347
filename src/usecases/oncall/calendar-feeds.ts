import { createHash } from 'node:crypto';
import { calendarText, type CalendarEvent } from '../../domain/oncall/ical.js';
import { DAY } from '../../domain/oncall/instants.js';
import { onCallDuring } from '../../domain/oncall/queries.js';
import type { Shift } from '../../domain/oncall/types.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { findCalendarFeedByHash, replaceCalendarFeed, type CalendarSubject } from '../../store/repositories/calendar-feeds.js';
import { getUser } from '../../store/repositories/users.js';
import { hashToken, newSecret } from '../auth/secrets.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { liveSchedules, type LiveSchedule } from './compiled-schedules.js';
import { personRefs } from './people.js';
import { findSchedule } from './read-schedules.js';

const TOKEN_PREFIX = 'hkcal_';
/** The feed shows shifts from this many days back to this many ahead. */
export const FEED_PAST_DAYS = 30;
export const FEED_FUTURE_DAYS = 180;
/** Shifts are computed this much beyond the window, so one crossing its edge keeps its real start and end (and UID). */
const MARGIN_DAYS = 35;

export interface CalendarToken {
  /** Shown once; only its hash is kept. */
  token: string;
  /** `/ical/<token>.ics`, to put after the server's address. */
  path: string;
}

/** A new secret feed address for a schedule's shifts; the schedule's previous address stops working. */
export async function createScheduleCalendarToken(deps: Deps, key: string, principal: Principal): Promise<CalendarToken> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => issue(deps, tx, { scheduleId: (await findSchedule(tx, key)).id }, principal));
}

/** A new secret feed address for one person's shifts on every schedule (themselves, or an admin); replaces the previous one. */
export async function createUserCalendarToken(deps: Deps, userId: string, principal: Principal): Promise<CalendarToken> {
  authorize(principal, 'viewer');
  if (principal.userId !== userId && principal.role !== 'admin') {
    throw new ForbiddenError("Only an admin may make a calendar address for someone else's shifts");
  }
  return deps.db.transaction().execute(async (tx) => issue(deps, tx, { userId: (await getUser(tx, userId)).id }, principal));
}

async function issue(deps: Deps, tx: Parameters<typeof replaceCalendarFeed>[0], subject: CalendarSubject, principal: Principal): Promise<CalendarToken> {
  const token = newSecret(TOKEN_PREFIX);
  await replaceCalendarFeed(tx, subject, { tokenHash: hashToken(token), createdById: principal.userId, createdAt: deps.clock.now().toISOString() });
  return { token, path: `/ical/${token}.ics` };
}

/** The iCalendar text behind a feed token; NotFoundError for a token that is unknown or replaced. */
export async function readCalendarFeed(deps: Deps, token: string): Promise<string> {
  const subject = token.startsWith(TOKEN_PREFIX) ? await findCalendarFeedByHash(deps.db, hashToken(token)) : undefined;
  if (!subject) throw new NotFoundError('calendar feed', 'at this address');
  const now = deps.clock.now().getTime();
  const today = Math.floor(now / DAY) * DAY;
  const window = { from: today - FEED_PAST_DAYS * DAY, to: today + FEED_FUTURE_DAYS * DAY };

  if ('scheduleId' in subject) {
    const [live] = await liveSchedules(deps.db, { ids: [subject.scheduleId] });
    if (!live) throw new NotFoundError('calendar feed', 'at this address');
    const shifts = shiftsIn(live, window);
    const person = await personRefs(deps.db, shifts.map((s) => s.userId));
    return calendarText({
      name: `On call: ${live.record.name}`,
      ...(live.record.description && { description: live.record.description }),
      stamp: new Date(now),
      events: shifts.map((s) => event(live, s, `On call: ${person(s.userId).name}`, `${live.record.name} (${live.record.timeZone})`)),
    });
  }

  const user = await getUser(deps.db, subject.userId);
  const events = (await liveSchedules(deps.db))
    .sort((a, b) => a.record.name.localeCompare(b.record.name))
    .flatMap((live) =>
      shiftsIn(live, window)
        .filter((s) => s.userId === user.id)
        .map((s) => event(live, s, `On call: ${live.record.name}`, `${user.name} is on call for ${live.record.name} (${live.record.timeZone})`)),
    );
  return calendarText({ name: `On call: ${user.name}`, stamp: new Date(now), events });
}

function shiftsIn(live: LiveSchedule, window: { from: number; to: number }): Shift[] {
  if (!live.compiled) return [];
  const margin = MARGIN_DAYS * DAY;
  return onCallDuring(live.compiled, new Date(window.from - margin), new Date(window.to + margin)).filter(
    (s) => Date.parse(s.end) > window.from && Date.parse(s.start) < window.to,
  );
}

/** One shift; its UID depends on the schedule, person, start and source, so it survives refreshes. */
function event(live: LiveSchedule, shift: Shift, summary: string, description: string): CalendarEvent {
  const source = 'layerId' in shift.source ? `layer:${shift.source.layerId}` : `override:${shift.source.overrideId}`;
  const digest = createHash('sha256').update([live.record.id, shift.userId, shift.start, source].join('\n')).digest('hex').slice(0, 32);
  return { uid: `${digest}@hikeshi`, start: shift.start, end: shift.end, summary, description };
}
