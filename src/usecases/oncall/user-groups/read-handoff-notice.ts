import type { OpenIncidentLine, OpenPageLine } from '../../../domain/oncall/handoff-notice.js';
import { nextHandoff, onCallAt } from '../../../domain/oncall/queries.js';
import { findScheduleUserGroup } from '../../../store/repositories/schedule-user-groups.js';
import type { Deps } from '../../deps.js';
import { listIncidents } from '../../incidents/read-incidents.js';
import { listOpenPagesFor } from '../../paging/read-pages.js';
import { SYSTEM_PRINCIPAL } from '../../principal.js';
import { liveSchedules } from '../compiled-schedules.js';
import { personRefs, type PersonRef } from '../people.js';
import { TIMER_HORIZON_DAYS, type NoticeAudience } from './handoff-jobs.js';

export interface HandoffNoticeRequest {
  scheduleId: string;
  /** The handoff instant. */
  at: string;
  audience: NoticeAudience;
  /** Who the notice is about: the incoming person (incoming, channel) or the outgoing one. */
  userId: string;
}

export interface HandoffNoticeFacts {
  scheduleName: string;
  timeZone: string;
  person: PersonRef;
  /** When the incoming person's shift ends (the handoff after `at`). */
  until: string | null;
  /** Who is on call now, for the outgoing person. */
  next: PersonRef | null;
  group: { handle: string; usergroupId: string | null } | null;
  /** Open incidents, for the outgoing person. */
  incidents: OpenIncidentLine[];
  /** Open pages that notified the outgoing person. */
  pages: OpenPageLine[];
}

const OPEN = ['triage', 'investigating', 'identified', 'monitoring'];
const INCIDENTS_LISTED = 50;

/** What a handoff notice says; undefined when the schedule is gone (nothing to announce). */
export async function readHandoffNotice(deps: Deps, request: HandoffNoticeRequest): Promise<HandoffNoticeFacts | undefined> {
  const [live] = await liveSchedules(deps.db, { ids: [request.scheduleId] });
  if (!live?.compiled) return undefined;
  const at = new Date(request.at);
  const until = request.audience === 'outgoing' ? null : (nextHandoff(live.compiled, at, { horizonDays: TIMER_HORIZON_DAYS })?.at ?? null);
  const nextId = request.audience === 'outgoing' ? (onCallAt(live.compiled, deps.clock.now())?.userId ?? null) : null;
  const person = await personRefs(deps.db, [request.userId, ...(nextId ? [nextId] : [])]);
  const group = await findScheduleUserGroup(deps.db, request.scheduleId);
  const outgoing = request.audience === 'outgoing';
  const incidents = outgoing
    ? (await listIncidents(deps, { statuses: OPEN, limit: INCIDENTS_LISTED }, SYSTEM_PRINCIPAL)).items.map((i) => ({
        reference: i.reference,
        title: i.title,
        severity: i.severity,
        status: i.status,
      }))
    : [];
  const pages = outgoing
    ? (await listOpenPagesFor(deps, request.userId)).map((p) => ({ title: `#${p.number} ${p.message}`, status: p.status, createdAt: p.createdAt }))
    : [];
  return {
    scheduleName: live.record.name,
    timeZone: live.record.timeZone,
    person: person(request.userId),
    until,
    next: nextId ? person(nextId) : null,
    group: group ? { handle: group.handle, usergroupId: group.usergroupId } : null,
    incidents,
    pages,
  };
}
