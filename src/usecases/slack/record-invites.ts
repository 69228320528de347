import { SYSTEM_ACTOR } from '../../domain/incidents/timeline.js';
import { appendEvents, listEvents } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';

export async function recordInvited(deps: Deps, incidentId: string, slackUserIds: readonly string[], via: 'bot' | 'admin'): Promise<void> {
  if (!slackUserIds.length) return;
  await deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    await appendEvents(tx, incident.id, [{ kind: 'slack.invited', payload: { slackUserIds: [...slackUserIds], via } }], SYSTEM_ACTOR, deps.clock.now());
  });
}

export interface InviteSkip {
  slackUserId: string;
  /** `ura_max_channels`, `guest_needs_admin_token`, `deactivated`, `user_not_found`, or Slack's error code. */
  reason: string;
  detail: string;
}

/**
 * Records why someone was not added to the channel. Returns false when the same person was
 * already recorded for the same reason (a retried or repeated invite), so the explanation
 * in the channel is posted once.
 */
export async function recordInviteSkipped(deps: Deps, incidentId: string, skip: InviteSkip): Promise<boolean> {
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    const events = await listEvents(tx, incident.id);
    const seen = events.some(
      (e) => e.kind === 'slack.invite_skipped' && e.payload.slackUserId === skip.slackUserId && e.payload.reason === skip.reason,
    );
    if (seen) return false;
    await appendEvents(tx, incident.id, [{ kind: 'slack.invite_skipped', payload: { ...skip } }], SYSTEM_ACTOR, deps.clock.now());
    return true;
  });
}
