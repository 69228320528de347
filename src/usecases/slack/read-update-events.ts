import { listEvents, type TimelineEvent } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { loadSlackIncident, readPeople, type SlackIncidentState, type SlackPerson } from './slack-incident.js';

export interface SlackUpdate extends SlackIncidentState {
  /** The requested timeline events, in timeline order (missing ids are dropped). */
  events: TimelineEvent[];
  /** The people those events name (role holders), by Hikeshi user id. */
  people: Record<string, SlackPerson>;
}

/** What a `slack.postUpdate` job renders: the incident, its channel and the changes to echo. */
export async function readSlackUpdate(deps: Deps, incidentId: string, eventIds: readonly string[]): Promise<SlackUpdate> {
  const state = await loadSlackIncident(deps.db, deps, incidentId);
  const wanted = new Set(eventIds);
  const events = (await listEvents(deps.db, state.incident.id)).filter((e) => wanted.has(e.id));
  const userIds = events.flatMap((e) => (e.kind === 'role.assigned' ? [e.payload.from, e.payload.to] : []));
  const people = await readPeople(deps.db, userIds.filter((id): id is string => typeof id === 'string'));
  return { ...state, events, people: Object.fromEntries(people) };
}
