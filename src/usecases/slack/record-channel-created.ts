import { SYSTEM_ACTOR } from '../../domain/incidents/timeline.js';
import { findChannelIncident, findIncidentChannel, insertIncidentChannel, type IncidentChannel } from '../../store/repositories/slack.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { enqueueChannelSetup } from './enqueue-slack-jobs.js';

export interface CreatedChannel {
  incidentId: string;
  channelId: string;
  channelName: string;
  via: 'bot' | 'admin';
  /** Found by name after a crash between creating it and storing it, rather than created now. */
  adopted: boolean;
}

/**
 * Stores the incident's channel, writes it on the timeline and enqueues what fills it
 * (invites, topic and summary, announcement), all in one transaction. Storing twice keeps
 * the first: a rerun of the job changes nothing.
 */
export async function recordChannelCreated(deps: Deps, created: CreatedChannel): Promise<IncidentChannel> {
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, created.incidentId);
    const existing = await findIncidentChannel(tx, incident.id);
    if (existing) return existing;
    const now = deps.clock.now();
    const channel: IncidentChannel = {
      incidentId: incident.id,
      channelId: created.channelId,
      channelName: created.channelName,
      summaryTs: null,
      announcementTs: null,
    };
    await insertIncidentChannel(tx, channel, now.toISOString());
    await appendEvents(
      tx,
      incident.id,
      [{ kind: 'slack.channel_created', payload: { channelId: channel.channelId, channelName: channel.channelName, via: created.via, adopted: created.adopted } }],
      SYSTEM_ACTOR,
      now,
    );
    await enqueueChannelSetup(tx, incident.id, now);
    return channel;
  });
}

/** The incident a Slack channel belongs to, if any: a channel is never adopted twice. */
export async function findChannelOwner(deps: Deps, channelId: string): Promise<string | undefined> {
  return (await findChannelIncident(deps.db, channelId))?.incidentId;
}
