import { incidentReference } from '../incidents/incident.js';
import type { PostmortemStatus } from '../postmortems/types.js';
import { DAY_MS } from '../slo/types.js';
import { needsPostmortem } from './week-incidents.js';

/** An open follow-up (action item) with a due date, as the review reads it. */
export interface OpenFollowUp {
  id: string;
  incidentId: string;
  incidentNumber: number;
  title: string;
  ownerName: string | null;
  /** YYYY-MM-DD in the team's zone. */
  dueDate: string;
}

export interface FollowUps {
  /** Created during the week. */
  opened: number;
  /** Marked done or won't-do during the week. */
  closed: number;
  overdue: number;
  /** Most overdue first. */
  overdueItems: Array<{ id: string; incidentId: string; reference: string; title: string; ownerName: string | null; dueDate: string; daysOverdue: number }>;
}

/** Overdue as of `today` (the review's last day, YYYY-MM-DD): due before it and still open. */
export function followUps(opened: number, closed: number, open: readonly OpenFollowUp[], today: string): FollowUps {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  const overdueItems = open
    .filter((item) => item.dueDate < today)
    .map((item) => ({
      id: item.id,
      incidentId: item.incidentId,
      reference: incidentReference(item.incidentNumber),
      title: item.title,
      ownerName: item.ownerName,
      dueDate: item.dueDate,
      daysOverdue: day(today) - day(item.dueDate),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.reference.localeCompare(b.reference, 'en', { numeric: true }));
  return { opened, closed, overdue: overdueItems.length, overdueItems };
}

/** An incident that may need a postmortem, with the largest budget share it took. */
export interface PostmortemCandidate {
  id: string;
  number: number;
  title: string;
  severity: string;
  declaredAt: string;
  postmortemStatus: PostmortemStatus | null;
  maxShare: number;
}

export interface PostmortemDue {
  incidentId: string;
  reference: string;
  title: string;
  severity: string;
  status: PostmortemStatus | 'none';
  reasons: Array<'severity' | 'budget'>;
  /** Whole days since the declaration. */
  ageDays: number;
}

/** Incidents whose postmortem the policy asks for (two worst severities, or ≥ 20 % of a budget) and that is not published; oldest first. */
export function postmortemsDue(candidates: readonly PostmortemCandidate[], severities: readonly string[], at: number): PostmortemDue[] {
  return candidates
    .filter((c) => c.postmortemStatus !== 'published' && needsPostmortem(c.severity, severities, c.maxShare))
    .map((c) => ({
      incidentId: c.id,
      reference: incidentReference(c.number),
      title: c.title,
      severity: c.severity,
      status: c.postmortemStatus ?? ('none' as const),
      reasons: [
        ...(needsPostmortem(c.severity, severities, 0) ? (['severity'] as const) : []),
        ...(needsPostmortem('', [], c.maxShare) ? (['budget'] as const) : []),
      ],
      ageDays: Math.max(0, Math.floor((at - Date.parse(c.declaredAt)) / DAY_MS)),
    }))
    .sort((a, b) => b.ageDays - a.ageDays || a.reference.localeCompare(b.reference, 'en', { numeric: true }));
}
