import { INCIDENT_STATUSES } from '../../domain/incidents/status.js';
import { ValidationError } from '../../errors.js';
import { listIncidents as queryIncidents } from '../../store/repositories/incidents.js';
import { listServicesByIds } from '../../store/repositories/services.js';
import { listEvents, type TimelineEvent } from '../../store/repositories/timeline.js';
import { listUsersByIds } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
import { authorize, type Principal } from '../principal.js';
import { findIncident } from './find-incident.js';
import { viewIncident, viewIncidents, type IncidentView } from './incident-view.js';
import { resolveServiceIds } from './resolve-references.js';

export interface IncidentQuery {
  statuses?: string[];
  severities?: string[];
  services?: string[];
  declaredFrom?: string;
  declaredTo?: string;
  text?: string;
  cursor?: string;
  limit?: number;
}

export async function getIncident(deps: Deps, idOrReference: string, principal: Principal): Promise<IncidentView> {
  authorize(principal, 'viewer');
  return viewIncident(deps.db, await findIncident(deps.db, idOrReference));
}

/** Newest first, keyset-paginated on the incident number so page 1,000 costs what page 1 does. */
export async function listIncidents(deps: Deps, query: IncidentQuery, principal: Principal): Promise<Page<IncidentView>> {
  authorize(principal, 'viewer');
  const limit = query.limit ?? 50;
  const serviceIds = query.services?.length ? await resolveServiceIds(deps.db, query.services, 'service') : undefined;
  const incidents = await queryIncidents(deps.db, {
    statuses: known('status', query.statuses, INCIDENT_STATUSES),
    severities: known('severity', query.severities, deps.settings.severities),
    serviceIds,
    declaredFrom: canonicalTime(query.declaredFrom, 'declaredFrom'),
    declaredTo: canonicalTime(query.declaredTo, 'declaredTo'),
    text: query.text,
    beforeNumber: query.cursor === undefined ? undefined : decodeCursor(query.cursor, { n: 'number' }).n,
    limit: limit + 1,
  });
  const page = pageOf(incidents, limit, (last) => ({ n: last.number }));
  return { items: await viewIncidents(deps.db, page.items), nextCursor: page.nextCursor };
}

/** The timeline, oldest first, with the names of the people and services it mentions. */
export async function listTimeline(deps: Deps, idOrReference: string, principal: Principal): Promise<TimelineEvent[]> {
  authorize(principal, 'viewer');
  const incident = await findIncident(deps.db, idOrReference);
  const events = await listEvents(deps.db, incident.id);
  const userIds = events.flatMap((e) => (e.kind === 'role.assigned' ? [e.payload.from, e.payload.to] : []));
  const serviceIds = events.flatMap((e) =>
    e.kind === 'services.changed' ? [...(e.payload.added as string[]), ...(e.payload.removed as string[])] : [],
  );
  const [users, services] = await Promise.all([
    listUsersByIds(deps.db, userIds.filter((id): id is string => typeof id === 'string')),
    listServicesByIds(deps.db, serviceIds),
  ]);
  const userName = (id: unknown) => (typeof id === 'string' ? (users.find((u) => u.id === id)?.name ?? id) : null);
  const serviceNames = (ids: unknown) => (ids as string[]).map((id) => services.find((s) => s.id === id)?.name ?? id);
  return events.map((event) => {
    if (event.kind === 'role.assigned') {
      return { ...event, payload: { ...event.payload, fromName: userName(event.payload.from), toName: userName(event.payload.to) } };
    }
    if (event.kind === 'services.changed') {
      return {
        ...event,
        payload: { ...event.payload, addedNames: serviceNames(event.payload.added), removedNames: serviceNames(event.payload.removed) },
      };
    }
    return event;
  });
}

/** Times are stored as canonical ISO strings; comparing against `…Z` without millis would be off on SQLite. */
function canonicalTime(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new ValidationError(field, `must be an ISO 8601 date-time (got "${value}")`);
  return new Date(time).toISOString();
}

function known(field: string, values: string[] | undefined, allowed: readonly string[]): string[] | undefined {
  values?.forEach((value, index) => {
    if (!allowed.includes(value)) throw new ValidationError(`${field}[${index}]`, `must be one of ${allowed.join(', ')} (got "${value}")`);
  });
  return values;
}
