import { INCIDENT_TIMESTAMPS, incidentReference, type Incident } from '../../domain/incidents/incident.js';
import type { IncidentSnapshot, SnapshotEntry, SnapshotField } from '../../domain/postmortems/snapshot.js';
import { BUILT_IN_FIELDS } from '../../domain/runbooks/fields.js';
import type { FieldType, FieldValue } from '../../domain/runbooks/types.js';
import type { FieldDefinition } from '../../domain/fields/definition.js';
import type { Executor } from '../../store/database.js';
import { listServicesByIds } from '../../store/repositories/services.js';
import { listEvents, type TimelineEvent } from '../../store/repositories/timeline.js';
import { listUsersByIds } from '../../store/repositories/users.js';
import { readSloImpactForPostmortem } from '../slos/read-incident-slo-impact.js';

/** Fields the incident keeps in its own columns; every other `field.changed` is a custom field. */
const OWN_FIELDS: ReadonlySet<string> = new Set(['title', 'summary', 'tags', ...INCIDENT_TIMESTAMPS, ...Object.keys(BUILT_IN_FIELDS)]);

/**
 * Everything a postmortem is generated from, read in the caller's transaction: the
 * incident's fields and times, services, roles and timeline (captured messages, status
 * updates, runbook answers), and the names of the people named anywhere in it.
 * `userIds`: other people the view names (the postmortem's owner, reviewers, action item owners).
 */
export async function readIncidentSnapshot(
  tx: Executor,
  incident: Incident,
  definitions: readonly FieldDefinition[],
  userIds: readonly string[] = [],
): Promise<IncidentSnapshot> {
  const events = await listEvents(tx, incident.id);
  const fields = { ...recordedFields(events, definitions), ...declaredFields(incident, definitions) };
  const named = [
    ...userIds,
    ...Object.values(incident.roles),
    ...events.flatMap((e) => (e.kind === 'role.assigned' ? [e.payload.from, e.payload.to] : [])),
    ...Object.values(fields).flatMap((f) => (f.type === 'user' && typeof f.value === 'string' ? [f.value] : [])),
  ].filter((id): id is string => typeof id === 'string' && id !== '');
  const [users, services, sloImpact] = await Promise.all([listUsersByIds(tx, [...new Set(named)]), listServicesByIds(tx, incident.serviceIds), readSloImpactForPostmortem(tx, incident.id)]);
  const people = Object.fromEntries(users.map((u) => [u.id, u.name]));
  const name = (id: string | null) => (id === null ? null : (people[id] ?? id));
  return {
    reference: incidentReference(incident.number),
    title: incident.title,
    summary: incident.summary,
    severity: incident.severity,
    status: incident.status,
    services: services.map((s) => ({ id: s.id, name: s.name })).sort((a, b) => a.name.localeCompare(b.name)),
    tags: incident.tags,
    roles: { commander: name(incident.roles.commander), communications: name(incident.roles.communications), scribe: name(incident.roles.scribe) },
    impactStartedAt: incident.impactStartedAt,
    detectedAt: incident.detectedAt,
    declaredAt: incident.declaredAt,
    acknowledgedAt: incident.acknowledgedAt,
    mitigatedAt: incident.mitigatedAt,
    resolvedAt: incident.resolvedAt,
    closedAt: incident.closedAt,
    fields,
    timeline: events.map(toEntry),
    sloImpact: sloImpact?.map((impact) => ({
      slo: impact.sloName,
      budgetConsumed: impact.share,
      bad: impact.bad,
      budget: impact.budget,
      unit: impact.unit,
      window: impact.window,
      estimated: impact.estimated,
      fallback: impact.fallback,
    })) ?? null,
    people,
  };
}

/** Stored timeline events in the domain's shape; kinds the postmortem does not know are filtered out by it. */
function toEntry(event: TimelineEvent): SnapshotEntry {
  return {
    kind: event.kind,
    payload: event.payload,
    id: event.id,
    at: event.occurredAt,
    actor: event.actor.type === 'system' ? null : event.actor.name,
  } as SnapshotEntry;
}

/** The declared custom facts the incident holds (cs_inquiries, affected_users, ...), in the order the settings declare them. */
function declaredFields(incident: Incident, definitions: readonly FieldDefinition[]): Record<string, SnapshotField> {
  return Object.fromEntries(
    definitions.flatMap((d) => (Object.hasOwn(incident.fields, d.key) ? [[d.key, { label: d.label, type: d.type, value: incident.fields[d.key]! }]] : [])),
  );
}

/**
 * Fields as last recorded on the timeline: a runbook answer the incident kept no value for
 * (`runbook.field_recorded`: before custom fields existed, or a field since removed from
 * the settings), or a `field.changed` of a custom field. What the incident holds wins.
 */
function recordedFields(events: readonly TimelineEvent[], definitions: readonly FieldDefinition[]): Record<string, SnapshotField> {
  const labels = new Map(definitions.map((d) => [d.key, d.label]));
  const fields: Record<string, SnapshotField> = {};
  for (const event of events) {
    const recorded = event.kind === 'runbook.field_recorded' ? event.payload.value : event.kind === 'field.changed' ? event.payload.to : undefined;
    const field = event.payload.field;
    if (recorded === undefined || typeof field !== 'string' || OWN_FIELDS.has(field)) continue;
    const value = fieldValue(recorded);
    fields[field] = { label: labels.get(field) ?? { en: field }, type: fieldType(value), value };
  }
  return fields;
}

function fieldValue(value: unknown): FieldValue | null {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

function fieldType(value: FieldValue | null): FieldType {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'choice';
  return 'text';
}
