import type { Readiness } from './checklist.js';
import type { ActionItem, Postmortem } from './types.js';

/** How long before the review meeting reminders go out (PagerDuty posts the draft ~24 h before). */
export const DEFAULT_REMINDER_LEAD_HOURS = [48, 24, 2] as const;

/** The reminder moments still ahead of `now`, earliest first; none once the meeting has passed. */
export function reminderTimes(meetingAt: string, now: Date, leadHours: readonly number[] = DEFAULT_REMINDER_LEAD_HOURS): string[] {
  const meeting = Date.parse(meetingAt);
  return [...new Set(leadHours)]
    .map((hours) => meeting - hours * 3_600_000)
    .filter((time) => time > now.getTime())
    .sort((a, b) => a - b)
    .map((time) => new Date(time).toISOString());
}

/**
 * Whom a reminder goes to while the checklist is not complete: the postmortem's owner, and
 * the owners of open action items that lack a due date. Nobody when everything is ready.
 */
export function reminderRecipients(postmortem: Postmortem, actionItems: readonly ActionItem[], readiness: Readiness): string[] {
  if (readiness.missing.length === 0 || postmortem.status === 'published') return [];
  const owners = actionItems.filter((item) => item.status === 'open' && item.ownerId && !item.dueDate).map((item) => item.ownerId!);
  return [...new Set([...(postmortem.ownerId ? [postmortem.ownerId] : []), ...owners])];
}
