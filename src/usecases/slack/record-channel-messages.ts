import { SYSTEM_ACTOR } from '../../domain/incidents/timeline.js';
import { findIncidentChannel, setChannelMessages } from '../../store/repositories/slack.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { enqueueChannelSync } from './enqueue-slack-jobs.js';

/** The summary message is in the channel: keep its ts (later changes update it) and say so on the timeline. */
export async function recordSummaryPosted(deps: Deps, incidentId: string, ts: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    const channel = await findIncidentChannel(tx, incident.id);
    if (!channel || channel.summaryTs === ts) return;
    await setChannelMessages(tx, incident.id, { summaryTs: ts });
    if (channel.summaryTs === null) {
      await appendEvents(tx, incident.id, [{ kind: 'slack.posted', payload: { channelId: channel.channelId, message: 'summary' } }], SYSTEM_ACTOR, deps.clock.now());
    }
  });
}

/** The declaration is announced in the broadcast channel (its ts is kept to show later status there too). */
export async function recordAnnouncementPosted(deps: Deps, incidentId: string, broadcastChannel: string, ts: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    const channel = await findIncidentChannel(tx, incident.id);
    if (channel?.announcementTs) return;
    if (channel) await setChannelMessages(tx, incident.id, { announcementTs: ts });
    await appendEvents(tx, incident.id, [{ kind: 'slack.posted', payload: { channelId: broadcastChannel, message: 'announcement' } }], SYSTEM_ACTOR, deps.clock.now());
  });
}

export async function recordResolutionPosted(deps: Deps, incidentId: string, broadcastChannel: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    await appendEvents(tx, incident.id, [{ kind: 'slack.posted', payload: { channelId: broadcastChannel, message: 'resolution' } }], SYSTEM_ACTOR, deps.clock.now());
  });
}

/**
 * A sync rendered the incident as of `renderedUpdatedAt`; if it changed meanwhile (a change
 * that committed while the sync ran), another sync is enqueued so the channel never stays behind.
 */
export async function finishChannelSync(deps: Deps, incidentId: string, renderedUpdatedAt: string): Promise<boolean> {
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    if (incident.updatedAt === renderedUpdatedAt) return false;
    await enqueueChannelSync(tx, incident.id, deps.clock.now());
    return true;
  });
}
