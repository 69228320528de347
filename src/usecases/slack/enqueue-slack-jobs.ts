import type { Incident } from '../../domain/incidents/incident.js';
import { enqueue } from '../../jobs/queue.js';
import type { Executor } from '../../store/database.js';
import type { TimelineEvent } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';

/**
 * The Slack side effects of incident use cases, enqueued in their transaction so a declared
 * incident always gets its channel, even when Slack is down at that moment: the jobs wait
 * and retry, the declaration does not. Nothing is enqueued when Slack is not configured.
 */

/** Slack jobs keep trying through a long outage: backoff caps at 1 h, so 25 attempts span about 14 hours. */
export const SLACK_JOB_ATTEMPTS = 25;
/** Changes within this window share one channel sync (topic and summary message). */
export const SYNC_COALESCE_MS = 2_000;

/** Timeline kinds that change what the topic, the summary or the announcement show. */
const SHOWN_KINDS = new Set([
  'status.changed',
  'severity.changed',
  'role.assigned',
  'services.changed',
  'inquiry.recorded',
]);
const SHOWN_FIELDS = new Set(['title', 'summary']);
/** Title, summary and the declared custom facts are shown (summary message) and echoed; timestamps and tags are not. */
const shownField = (deps: Deps, field: unknown) => SHOWN_FIELDS.has(String(field)) || deps.settings.fields.some((f) => f.key === field);
/** Timeline kinds echoed into the incident channel as a message. */
const CHANNEL_ECHO_KINDS = new Set([
  'status.changed',
  'severity.changed',
  'role.assigned',
  'field.changed',
  'inquiry.recorded',
  'note',
  'status_update',
  'slo.budget_burnt',
  'postmortem.required',
  'alert.attached',
  'alert.all_resolved',
]);

function on(deps: Deps): boolean {
  return deps.integrations?.slack === true;
}

const options = (key: string, runAt?: Date) => ({ key, maxAttempts: SLACK_JOB_ATTEMPTS, ...(runAt ? { runAt } : {}) });

/** After a declaration: the channel; its creation enqueues the invites, summary and announcement. */
export async function enqueueDeclarationJobs(tx: Executor, deps: Deps, incident: Incident): Promise<void> {
  if (!on(deps)) return;
  const now = deps.clock.now();
  await enqueue(tx, 'slack.createChannel', { incidentId: incident.id }, options(`slack.createChannel:${incident.id}`), now);
}

/** After a change (PATCH, Slack buttons, CLI): sync the channel, invite new role holders, echo the change. */
export async function enqueueChangeJobs(tx: Executor, deps: Deps, incident: Incident, events: readonly TimelineEvent[]): Promise<void> {
  if (!on(deps) || events.length === 0) return;
  const now = deps.clock.now();
  const shown = events.some((e) => SHOWN_KINDS.has(e.kind) || (e.kind === 'field.changed' && shownField(deps, e.payload.field)));
  if (shown) await enqueueChannelSync(tx, incident.id, now);

  const newHolders = events
    .filter((e) => e.kind === 'role.assigned' && typeof e.payload.to === 'string')
    .map((e) => String(e.payload.to));
  if (newHolders.length) {
    const key = `slack.inviteResponders:${incident.id}:${events[0]!.id}`;
    await enqueue(tx, 'slack.inviteResponders', { incidentId: incident.id, userIds: newHolders }, options(key), now);
  }
  await enqueueEcho(tx, deps, incident.id, events, now);
}

/** After a note or status update: into the incident channel; a status update into the broadcast channel too. */
export async function enqueueEntryJobs(tx: Executor, deps: Deps, incident: Incident, event: TimelineEvent): Promise<void> {
  if (!on(deps)) return;
  await enqueueEcho(tx, deps, incident.id, [event], deps.clock.now());
}

async function enqueueEcho(tx: Executor, deps: Deps, incidentId: string, events: readonly TimelineEvent[], now: Date): Promise<void> {
  const echoed = events.filter((e) => CHANNEL_ECHO_KINDS.has(e.kind) && (e.kind !== 'field.changed' || shownField(deps, e.payload.field)));
  if (echoed.length) {
    const eventIds = echoed.map((e) => e.id);
    await enqueue(tx, 'slack.postUpdate', { incidentId, eventIds, target: 'channel' }, options(`slack.postUpdate:channel:${eventIds[0]}`), now);
  }
  const broadcast = events.filter(
    (e) => e.kind === 'status_update' || (e.kind === 'status.changed' && e.payload.to === 'resolved'),
  );
  if (broadcast.length) {
    const eventIds = broadcast.map((e) => e.id);
    await enqueue(tx, 'slack.postUpdate', { incidentId, eventIds, target: 'broadcast' }, options(`slack.postUpdate:broadcast:${eventIds[0]}`), now);
  }
}

/**
 * One sync per incident per window: the job runs when the window ends and renders the state
 * as it is then, so a burst of changes costs one topic change and one message update.
 */
export async function enqueueChannelSync(tx: Executor, incidentId: string, now: Date): Promise<void> {
  const window = Math.floor(now.getTime() / SYNC_COALESCE_MS);
  const runAt = new Date((window + 1) * SYNC_COALESCE_MS);
  await enqueue(tx, 'slack.syncChannel', { incidentId }, options(`slack.syncChannel:${incidentId}:${window}`, runAt), now);
}

/** The jobs that fill a channel once it exists, each keyed by incident so a rerun adds none. */
export async function enqueueChannelSetup(tx: Executor, incidentId: string, now: Date): Promise<void> {
  await enqueue(tx, 'slack.inviteResponders', { incidentId }, options(`slack.inviteResponders:${incidentId}`), now);
  await enqueue(tx, 'slack.syncChannel', { incidentId }, options(`slack.syncChannel:${incidentId}:created`), now);
  await enqueueAnnouncement(tx, incidentId, now);
}

export async function enqueueAnnouncement(tx: Executor, incidentId: string, now: Date): Promise<void> {
  await enqueue(tx, 'slack.announceIncident', { incidentId }, options(`slack.announceIncident:${incidentId}`), now);
}
