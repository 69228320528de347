import { reminderTimes } from '../../domain/postmortems/reminders.js';
import type { Postmortem } from '../../domain/postmortems/types.js';
import { enqueue } from '../../jobs/queue.js';
import type { Executor } from '../../store/database.js';
import type { Deps } from '../deps.js';
import { postmortemConfig } from './postmortem-config.js';

/**
 * Reminder jobs for the postmortem's meeting, one per lead time still ahead. The key names
 * the meeting time, so setting the same time again plans nothing new, and a job planned
 * for a meeting time since changed finds it changed and does nothing.
 */
export async function planReminders(tx: Executor, deps: Deps, postmortem: Postmortem, now: Date): Promise<void> {
  const meetingAt = postmortem.meetingAt;
  if (!meetingAt || !deps.integrations?.slack || postmortem.status === 'published') return;
  for (const remindAt of reminderTimes(meetingAt, now, postmortemConfig(deps.settings).reminderHoursBefore)) {
    await enqueue(
      tx,
      'postmortems.remind',
      { incidentId: postmortem.incidentId, meetingAt, remindAt },
      { key: `postmortem-remind:${postmortem.incidentId}:${meetingAt}:${remindAt}`, runAt: new Date(remindAt) },
      now,
    );
  }
}
