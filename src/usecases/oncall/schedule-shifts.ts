import { DAY, toIso, toMs } from '../../domain/oncall/instants.js';
import { coverageDuring, nextHandoff } from '../../domain/oncall/queries.js';
import type { Gap, ShiftSource } from '../../domain/oncall/types.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { liveSchedules, type LiveSchedule } from './compiled-schedules.js';
import { personRefs, type PersonRef } from './people.js';
import { findSchedule } from './read-schedules.js';
import { HANDOFF_HORIZON_DAYS, type Handover } from './who-is-on-call.js';

export interface ShiftView {
  user: PersonRef;
  start: string;
  end: string;
  source: ShiftSource;
}

export interface ScheduleShifts {
  schedule: { id: string; name: string; timeZone: string };
  from: string;
  to: string;
  /** The final shifts (layers and overrides merged), clipped to the window. */
  shifts: ShiftView[];
  /** Where no one is on call. */
  gaps: Gap[];
  /** The first handoff after `from`. */
  nextHandoff: Handover | null;
}

export const DEFAULT_WINDOW_DAYS = 7;

/** Who is on call when over `[from, to)` (default the next 7 days), and the gaps. */
export async function scheduleShifts(deps: Deps, key: string, query: { from?: string; to?: string }, principal: Principal): Promise<ScheduleShifts> {
  authorize(principal, 'viewer');
  const from = query.from === undefined ? deps.clock.now().getTime() : toMs(query.from, 'from');
  const to = query.to === undefined ? from + DEFAULT_WINDOW_DAYS * DAY : toMs(query.to, 'to');
  const live = await liveSchedule(deps, key);
  const { shifts, gaps } = coverageDuring(live.compiled, new Date(from), new Date(to));
  const handoff = nextHandoff(live.compiled, new Date(from), { horizonDays: HANDOFF_HORIZON_DAYS });
  const person = await personRefs(deps.db, [...shifts.map((s) => s.userId), handoff?.from, handoff?.to].filter((id): id is string => !!id));
  return {
    schedule: { id: live.record.id, name: live.record.name, timeZone: live.record.timeZone },
    from: toIso(from),
    to: toIso(to),
    shifts: shifts.map((s) => ({ user: person(s.userId), start: s.start, end: s.end, source: s.source })),
    gaps,
    nextHandoff: handoff ? { at: handoff.at, from: handoff.from ? person(handoff.from) : null, to: handoff.to ? person(handoff.to) : null } : null,
  };
}

/** One schedule, compiled (from the cache when current). */
export async function liveSchedule(deps: Deps, key: string): Promise<LiveSchedule & { compiled: NonNullable<LiveSchedule['compiled']> }> {
  const { id } = await findSchedule(deps.db, key);
  const [live] = await liveSchedules(deps.db, { ids: [id] });
  if (!live) throw new NotFoundError('schedule', key);
  if (!live.compiled) throw new ValidationError('schedule', `the stored schedule cannot be evaluated: ${live.problem}`);
  return live as LiveSchedule & { compiled: NonNullable<LiveSchedule['compiled']> };
}
