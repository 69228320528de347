import { ENTRY_BODY_MAX } from '../../domain/incidents/entries.js';
import { enqueue } from '../../jobs/queue.js';
import { findChannelIncident } from '../../store/repositories/slack.js';
import { appendEvents, listEvents, type TimelineEvent } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';

export interface CaptureRequest {
  channelId: string;
  ts: string;
  /** Who reacted or pinned. */
  slackUserId: string;
  via: 'reaction' | 'pin';
}

/**
 * A message in an incident channel was marked for the timeline (the timeline reaction, or a
 * pin). Fetching it from Slack is slow, so a job does it; the job's key makes a second
 * reaction, or a pin after a reaction, a no-op. False outside incident channels.
 */
export async function requestMessageCapture(deps: Deps, request: CaptureRequest): Promise<boolean> {
  return deps.db.transaction().execute(async (tx) => {
    const channel = await findChannelIncident(tx, request.channelId);
    if (!channel) return false;
    await enqueue(
      tx,
      'slack.captureMessage',
      {
        incidentId: channel.incidentId,
        channelId: request.channelId,
        ts: request.ts,
        capturedBy: request.slackUserId,
        via: request.via,
      },
      { key: `slack.captureMessage:${request.channelId}:${request.ts}` },
      deps.clock.now(),
    );
    return true;
  });
}

export interface CapturedMessage {
  body: string;
  author: string;
  authorSlackId: string;
  permalink: string | null;
  ts: string;
}

/** Copies a Slack message to the timeline, once per message however often it is marked. */
export async function recordCapturedMessage(
  deps: Deps,
  incidentId: string,
  message: CapturedMessage,
  principal: Principal,
): Promise<TimelineEvent | undefined> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    const events = await listEvents(tx, incident.id);
    if (events.some((e) => e.kind === 'slack.message_captured' && e.payload.ts === message.ts)) return undefined;
    const [event] = await appendEvents(
      tx,
      incident.id,
      [{ kind: 'slack.message_captured', payload: { ...message, body: clip(message.body) } }],
      principal.actor,
      deps.clock.now(),
    );
    return event;
  });
}

function clip(text: string): string {
  const chars = [...text.trim()];
  if (!chars.length) return '(a message without text)';
  return chars.length > ENTRY_BODY_MAX ? `${chars.slice(0, ENTRY_BODY_MAX - 1).join('')}…` : chars.join('');
}
