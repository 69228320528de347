import { toIso, toMs } from '../../domain/oncall/instants.js';
import { nextHandoff, onCallAt } from '../../domain/oncall/queries.js';
import type { Handoff, ShiftSource } from '../../domain/oncall/types.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { findServicesByIdOrName } from '../../store/repositories/services.js';
import { findTeamsByIdOrName } from '../../store/repositories/teams.js';
import type { Deps } from '../deps.js';
import { firstLevelOnCall, type PolicyOnCall } from '../paging/first-level-on-call.js';
import { authorize, type Principal } from '../principal.js';
import { liveSchedules, type LiveSchedule } from './compiled-schedules.js';
import { personRefs, type PersonRef } from './people.js';
import { findSchedule } from './read-schedules.js';

export interface OnCallQuery {
  /** ISO 8601 with Z or an offset; default now. */
  at?: string;
  /** Schedule id or name. */
  schedule?: string;
  /** Team id or name: the schedules that name the team. */
  team?: string;
  /** Service id or name: its owning team's schedules. */
  service?: string;
  /** Escalation policy id or name: the people its level 1 reaches, and the schedules it reads. */
  escalationPolicy?: string;
}

export interface Handover {
  at: string;
  from: PersonRef | null;
  to: PersonRef | null;
}

export interface OnCallEntry {
  schedule: { id: string; name: string; timeZone: string };
  team: { id: string; name: string } | null;
  /** Null in a gap (no one on call). */
  user: PersonRef | null;
  source: ShiftSource | null;
  /** When this person's turn (or the gap) ends: the next handoff, if one comes within the horizon. */
  until: string | null;
  nextHandoff: Handover | null;
  /** Set when the stored schedule cannot be evaluated. */
  problem?: string;
}

export interface OnCallAnswer {
  at: string;
  items: OnCallEntry[];
  /** Present when the query named an escalation policy. */
  escalationPolicy?: PolicyOnCall;
}

/** How far ahead the next handoff is looked for. */
export const HANDOFF_HORIZON_DAYS = 62;

/** Who is on call at an instant, per schedule (all, or those of a schedule, a team or a service), by schedule name. */
export async function whoIsOnCall(deps: Deps, query: OnCallQuery, principal: Principal): Promise<OnCallAnswer> {
  authorize(principal, 'viewer');
  const at = query.at === undefined ? deps.clock.now().getTime() : toMs(query.at, 'at');
  const policy = query.escalationPolicy === undefined ? undefined : await firstLevelOnCall(deps, query.escalationPolicy, new Date(at));
  const filter = policy ? { ids: policy.scheduleIds } : await scheduleFilter(deps, query);
  const schedules = filter === null || filter.ids?.length === 0 ? [] : await liveSchedules(deps.db, filter);

  const found = schedules.map((live) => {
    if (!live.compiled) return { live, current: null, handoff: null };
    const current = onCallAt(live.compiled, new Date(at));
    return { live, current, handoff: handoffAfter(live, at) };
  });
  const ids = found.flatMap(({ current, handoff }) => [current?.userId, handoff?.to].filter((id): id is string => typeof id === 'string'));
  const person = await personRefs(deps.db, ids);
  const teamIds = [...new Set(schedules.map((s) => s.record.teamId).filter((id): id is string => id !== null))];
  const teams = new Map((await findTeamsByIdOrName(deps.db, teamIds)).map((t) => [t.id, { id: t.id, name: t.name }]));
  const orNull = (id: string | null | undefined) => (id ? person(id) : null);

  const items = found
    .map(({ live, current, handoff }): OnCallEntry => ({
      schedule: { id: live.record.id, name: live.record.name, timeZone: live.record.timeZone },
      team: live.record.teamId ? (teams.get(live.record.teamId) ?? null) : null,
      user: orNull(current?.userId),
      source: current?.source ?? null,
      until: handoff?.at ?? null,
      nextHandoff: handoff ? { at: handoff.at, from: orNull(handoff.from), to: orNull(handoff.to) } : null,
      ...(live.problem !== null && { problem: live.problem }),
    }))
    .sort((a, b) => a.schedule.name.localeCompare(b.schedule.name));
  return { at: toIso(at), items, ...(policy && { escalationPolicy: policy.policy }) };
}

/**
 * The next handoff is the costly part of the answer, and it stays the same from the instant
 * it was computed for until it happens; so it is remembered per compiled schedule (a new
 * revision is a new LiveSchedule, which forgets it).
 */
const handoffs = new WeakMap<LiveSchedule, { from: number; until: number; handoff: Handoff }>();

function handoffAfter(live: LiveSchedule, at: number): Handoff | null {
  const known = handoffs.get(live);
  if (known && known.from <= at && at < known.until) return known.handoff;
  const handoff = live.compiled ? nextHandoff(live.compiled, new Date(at), { horizonDays: HANDOFF_HORIZON_DAYS }) : null;
  if (handoff) handoffs.set(live, { from: at, until: Date.parse(handoff.at), handoff });
  return handoff;
}

/** The schedules a query names; null when it names a team or service with no schedules. */
async function scheduleFilter(deps: Deps, query: OnCallQuery): Promise<{ ids?: string[]; teamIds?: string[] } | null> {
  const filter: { ids?: string[]; teamIds?: string[] } = {};
  if (query.schedule !== undefined) {
    try {
      filter.ids = [(await findSchedule(deps.db, query.schedule)).id];
    } catch (error) {
      if (error instanceof NotFoundError) throw new ValidationError('schedule', `unknown schedule "${query.schedule}"`);
      throw error;
    }
  }
  let teamIds: string[] | undefined;
  if (query.team !== undefined) {
    const teams = await findTeamsByIdOrName(deps.db, [query.team]);
    const team = teams.find((t) => t.id === query.team) ?? teams.find((t) => t.name === query.team);
    if (!team) throw new ValidationError('team', `unknown team "${query.team}"`);
    teamIds = [team.id];
  }
  if (query.service !== undefined) {
    const services = await findServicesByIdOrName(deps.db, [query.service]);
    const service = services.find((s) => s.id === query.service) ?? services.find((s) => s.name === query.service);
    if (!service) throw new ValidationError('service', `unknown service "${query.service}"`);
    const owners = service.teamId ? [service.teamId] : [];
    teamIds = teamIds ? teamIds.filter((id) => owners.includes(id)) : owners;
  }
  if (teamIds !== undefined) {
    if (!teamIds.length) return null;
    filter.teamIds = teamIds;
  }
  return filter;
}
