import { editSection } from '../../domain/postmortems/draft.js';
import { confirmSeverity, markTimelineReviewed, setSloImpactNote } from '../../domain/postmortems/facts.js';
import { assertEditable, setReviewers } from '../../domain/postmortems/lifecycle.js';
import type { Postmortem } from '../../domain/postmortems/types.js';
import { ValidationError } from '../../errors.js';
import { getPostmortemForUpdate, updatePostmortem } from '../../store/repositories/postmortems.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';
import { checkOwner } from './check-owner.js';
import { planReminders } from './plan-reminders.js';
import { postmortemConfig } from './postmortem-config.js';
import { presentPostmortem, readPostmortemContext, type PostmortemView } from './postmortem-view.js';

/** What a person changes in a postmortem; absent keys stay as they are. */
export interface PostmortemChange {
  sections?: Record<string, string>;
  ownerId?: string | null;
  meetingAt?: string | null;
  reviewers?: string[];
  /** true marks the timeline reviewed by the caller; false withdraws the mark. */
  timelineReviewed?: boolean;
  /** true confirms the incident's current severity; false withdraws the confirmation. */
  severityConfirmed?: boolean;
  sloImpactNote?: string;
}

/** Edits sections and facts in one go; a new meeting time plans its reminders. */
export async function updatePostmortemDetails(deps: Deps, principal: Principal, incidentId: string, change: PostmortemChange): Promise<PostmortemView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    const current = await getPostmortemForUpdate(tx, incident.id);
    assertEditable(current);
    const now = deps.clock.now();
    // Marks name a person; an API token (no user) is recorded by its name.
    const by = principal.userId ?? principal.actor.name;
    const { template } = postmortemConfig(deps.settings);
    let next: Postmortem = current;
    for (const [sectionId, text] of Object.entries(change.sections ?? {})) next = editSection(next, template, sectionId, text);
    if (change.ownerId !== undefined) {
      await checkOwner(tx, 'ownerId', change.ownerId);
      next = { ...next, ownerId: change.ownerId };
    }
    if (change.meetingAt !== undefined) next = { ...next, meetingAt: change.meetingAt === null ? null : meetingTime(change.meetingAt) };
    if (change.reviewers !== undefined) {
      for (const [index, userId] of change.reviewers.entries()) await checkOwner(tx, `reviewers[${index}]`, userId);
      next = setReviewers(next, change.reviewers);
    }
    if (change.timelineReviewed !== undefined) next = change.timelineReviewed ? markTimelineReviewed(next, by, now) : { ...next, timelineReviewed: null };
    if (change.severityConfirmed !== undefined) {
      next = change.severityConfirmed ? confirmSeverity(next, incident.severity, deps.settings.severities, by, now) : { ...next, severityConfirmed: null };
    }
    if (change.sloImpactNote !== undefined) next = setSloImpactNote(next, change.sloImpactNote);
    await updatePostmortem(tx, next, now);
    if (next.meetingAt !== current.meetingAt) await planReminders(tx, deps, next, now);
    return presentPostmortem(await readPostmortemContext(tx, deps, incident, next));
  });
}

function meetingTime(text: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(text)) throw new ValidationError('meetingAt', `must be a date and time, ISO 8601 (got "${text}")`);
  return new Date(time).toISOString();
}
