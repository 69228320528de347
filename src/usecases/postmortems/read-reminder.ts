import { incidentReference } from '../../domain/incidents/incident.js';
import { reminderRecipients } from '../../domain/postmortems/reminders.js';
import type { Language } from '../../domain/runbooks/types.js';
import type { LocalizedText } from '../../domain/postmortems/types.js';
import { findIncidentById } from '../../store/repositories/incidents.js';
import { findPostmortem } from '../../store/repositories/postmortems.js';
import { listUsersByIds } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import { readPostmortemContext } from './postmortem-view.js';

/** One planned reminder: the postmortem, the meeting time it was planned for, and its moment. */
export interface PostmortemReminderRequest {
  incidentId: string;
  meetingAt: string;
  remindAt: string;
}

export interface PostmortemReminder {
  incidentId: string;
  reference: string;
  title: string;
  meetingAt: string;
  timeZone: string;
  language: Language;
  percent: number;
  missing: Array<{ label: LocalizedText; reason: LocalizedText }>;
  recipients: Array<{ userId: string; name: string; slackUserId: string | null }>;
  /** The postmortem in the web app, when its address is known. */
  url: string | null;
}

/**
 * What a reminder should say and to whom, or null when it has nothing to do: the
 * postmortem is gone or published, the meeting moved since the reminder was planned,
 * or the checklist is complete.
 */
export async function readPostmortemReminder(deps: Deps, request: PostmortemReminderRequest): Promise<PostmortemReminder | null> {
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentById(tx, request.incidentId);
    const postmortem = incident && (await findPostmortem(tx, incident.id));
    if (!incident || !postmortem || postmortem.meetingAt !== request.meetingAt) return null;
    const context = await readPostmortemContext(tx, deps, incident, postmortem);
    const recipientIds = reminderRecipients(postmortem, context.actionItems, context.readiness);
    if (!recipientIds.length) return null;
    const users = new Map((await listUsersByIds(tx, recipientIds)).map((u) => [u.id, u]));
    const reference = incidentReference(incident.number);
    const publicUrl = deps.settings.publicUrl?.replace(/\/+$/, '');
    return {
      incidentId: incident.id,
      reference,
      title: incident.title,
      meetingAt: request.meetingAt,
      timeZone: context.config.generate.timeZone,
      language: context.config.generate.language,
      percent: context.readiness.percent,
      missing: context.readiness.missing.map((item) => ({ label: item.label, reason: item.reason! })),
      recipients: recipientIds.map((id) => ({ userId: id, name: users.get(id)?.name ?? id, slackUserId: users.get(id)?.slackUserId ?? null })),
      url: publicUrl ? `${publicUrl}/incidents/${reference}/postmortem` : null,
    };
  });
}
