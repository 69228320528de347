import { InvalidTransitionError, ValidationError } from '../../errors.js';
import { INCIDENT_ROLES, type Incident, type IncidentRole } from './incident.js';
import { STATUS_TRANSITIONS, canTransition, type IncidentStatus } from './status.js';
import type { TimelineDraft } from './timeline.js';
import { validSeverity, validSummary, validTags, validTitle } from './validate.js';

/** Timestamps a person may correct; declaredAt and closedAt are Hikeshi's own record. */
export const EDITABLE_TIMESTAMPS = [
  'impactStartedAt',
  'detectedAt',
  'acknowledgedAt',
  'mitigatedAt',
  'resolvedAt',
] as const;
export type EditableTimestamp = (typeof EDITABLE_TIMESTAMPS)[number];

export interface IncidentChange extends Partial<Record<EditableTimestamp, string | null>> {
  title?: string;
  summary?: string;
  status?: IncidentStatus;
  severity?: string;
  tags?: string[];
  serviceIds?: string[];
  roles?: Partial<Record<IncidentRole, string | null>>;
}

export interface ChangeContext {
  severities: readonly string[];
  now: Date;
}

/**
 * Applies a change and describes it. Only what actually differs produces a timeline
 * entry, so a repeated PATCH (a client retry) writes nothing twice.
 */
export function changeIncident(
  current: Incident,
  change: IncidentChange,
  ctx: ChangeContext,
): { incident: Incident; timeline: TimelineDraft[] } {
  const next: Incident = { ...current, roles: { ...current.roles } };
  const timeline: TimelineDraft[] = [];
  const now = ctx.now.toISOString();

  const setField = <K extends 'title' | 'summary'>(field: K, value: string) => {
    if (next[field] === value) return;
    timeline.push({ kind: 'field.changed', payload: { field, from: next[field], to: value } });
    next[field] = value;
  };
  if (change.title !== undefined) setField('title', validTitle(change.title));
  if (change.summary !== undefined) setField('summary', validSummary(change.summary));

  if (change.severity !== undefined && change.severity !== next.severity) {
    const severity = validSeverity(change.severity, ctx.severities);
    timeline.push({ kind: 'severity.changed', payload: { from: next.severity, to: severity } });
    next.severity = severity;
  }

  if (change.tags !== undefined) {
    const tags = validTags(change.tags);
    if (!sameSet(tags, next.tags)) {
      timeline.push({ kind: 'field.changed', payload: { field: 'tags', from: next.tags, to: tags } });
      next.tags = tags;
    }
  }

  if (change.serviceIds !== undefined) {
    const wanted = [...new Set(change.serviceIds)];
    const added = wanted.filter((id) => !next.serviceIds.includes(id));
    const removed = next.serviceIds.filter((id) => !wanted.includes(id));
    if (added.length || removed.length) {
      timeline.push({ kind: 'services.changed', payload: { added, removed } });
      next.serviceIds = wanted;
    }
  }

  for (const role of INCIDENT_ROLES) {
    const to = change.roles?.[role];
    if (to === undefined || to === next.roles[role]) continue;
    timeline.push({ kind: 'role.assigned', payload: { role, from: next.roles[role], to } });
    next.roles[role] = to;
  }

  if (change.status !== undefined && change.status !== next.status) {
    const from = next.status;
    const to = change.status;
    if (!canTransition(from, to)) throw new InvalidTransitionError(from, to, STATUS_TRANSITIONS[from]);
    timeline.push({ kind: 'status.changed', payload: { from, to } });
    Object.assign(next, timestampsForTransition(next, from, to, now));
    next.status = to;
  }

  for (const field of EDITABLE_TIMESTAMPS) {
    const value = change[field];
    if (value === undefined) continue;
    const normalised = value === null ? null : validTimestamp(field, value);
    if (normalised === next[field]) continue;
    timeline.push({ kind: 'field.changed', payload: { field, from: next[field], to: normalised } });
    next[field] = normalised;
  }
  checkTimestampOrder(next);

  if (timeline.length) next.updatedAt = now;
  return { incident: next, timeline };
}

/** The lifecycle timestamps incident metrics (MTTA, MTTM, MTTR) are computed from. */
function timestampsForTransition(
  incident: Incident,
  from: IncidentStatus,
  to: IncidentStatus,
  now: string,
): Partial<Incident> {
  if (to === 'closed') return { closedAt: now };
  if (from === 'resolved') return { mitigatedAt: null, resolvedAt: null }; // reopened
  const set: Partial<Incident> = { acknowledgedAt: incident.acknowledgedAt ?? now };
  if (to === 'monitoring' || to === 'resolved') set.mitigatedAt = incident.mitigatedAt ?? now;
  if (to === 'resolved') set.resolvedAt = now;
  return set;
}

function validTimestamp(field: string, value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new ValidationError(field, `must be an ISO 8601 date-time (got "${value}")`);
  return new Date(time).toISOString();
}

const ORDERED: ReadonlyArray<[keyof Incident, keyof Incident]> = [
  ['impactStartedAt', 'mitigatedAt'],
  ['impactStartedAt', 'resolvedAt'],
  ['detectedAt', 'resolvedAt'],
  ['mitigatedAt', 'resolvedAt'],
];

function checkTimestampOrder(incident: Incident): void {
  for (const [earlier, later] of ORDERED) {
    const a = incident[earlier] as string | null;
    const b = incident[later] as string | null;
    if (a && b && a > b) throw new ValidationError(String(earlier), `must not be after ${String(later)} (${b})`);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
