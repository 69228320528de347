import type { IncidentView } from '../../usecases/incidents/incident-view.js';
import type { TimelineEvent } from '../../store/repositories/timeline.js';
import { clean, formatTime, keyValues, table, truncate } from '../output.js';

const TITLE_COLUMNS = 60;

export function incidentLine(verb: string, incident: IncidentView): string {
  return `${verb} ${incident.reference} (${incident.status}, ${incident.severity}): ${clean(incident.title)}\n`;
}

export function incidentTable(incidents: readonly IncidentView[]): string {
  if (!incidents.length) return 'No incidents.\n';
  const rows = incidents.map((i) => [
    i.reference,
    i.status,
    i.severity,
    truncate(clean(i.title), TITLE_COLUMNS),
    formatTime(i.declaredAt),
  ]);
  return `${table(['REFERENCE', 'STATUS', 'SEVERITY', 'TITLE', 'DECLARED'], rows)}\n`;
}

const TIMES = [
  ['impact started', 'impactStartedAt'],
  ['detected', 'detectedAt'],
  ['acknowledged', 'acknowledgedAt'],
  ['mitigated', 'mitigatedAt'],
  ['resolved', 'resolvedAt'],
  ['closed', 'closedAt'],
] as const;

export function incidentDetails(incident: IncidentView, timeline: readonly TimelineEvent[]): string {
  const moves = incident.allowedTransitions.length ? `can move to ${incident.allowedTransitions.join(', ')}` : 'final';
  const pairs: Array<[string, string]> = [
    ['reference', incident.reference],
    ['title', clean(incident.title)],
    ['status', `${incident.status} (${moves})`],
    ['severity', incident.severity],
    ['services', incident.services.map((s) => clean(s.name)).join(', ') || '-'],
    ['tags', incident.tags.map((t) => clean(t)).join(', ') || '-'],
    ['commander', clean(incident.roles.commander?.name ?? '-')],
    ['communications', clean(incident.roles.communications?.name ?? '-')],
    ['scribe', clean(incident.roles.scribe?.name ?? '-')],
    ['declared', `${formatTime(incident.declaredAt)}${incident.declaredBy ? ` by ${clean(incident.declaredBy.name)}` : ''}`],
    ...TIMES.filter(([, key]) => incident[key]).map(([label, key]): [string, string] => [label, formatTime(incident[key])]),
    ['id', incident.id],
  ];
  if (incident.summary) pairs.push(['summary', clean(incident.summary, { multiline: true })]);
  const events = timeline.map((e) => [formatTime(e.occurredAt), clean(e.actor.name), describeEvent(e)]);
  return `${keyValues(pairs)}\n\nTimeline:\n${table(null, events).replace(/^/gm, '  ')}\n`;
}

/** One line per timeline entry, in words. */
export function describeEvent(event: TimelineEvent): string {
  const p = event.payload;
  const text = (value: unknown) => clean(String(value ?? '-'));
  switch (event.kind) {
    case 'incident.declared':
      return `declared "${text(p.title)}" (${text(p.severity)}, ${text(p.status)})`;
    case 'status.changed':
      return `status ${text(p.from)} → ${text(p.to)}`;
    case 'severity.changed':
      return `severity ${text(p.from)} → ${text(p.to)}`;
    case 'role.assigned':
      return `${text(p.role)} ${text(p.fromName ?? 'nobody')} → ${text(p.toName ?? 'nobody')}`;
    case 'services.changed': {
      const added = ((p.addedNames as string[] | undefined) ?? []).map((n) => `+${clean(n)}`);
      const removed = ((p.removedNames as string[] | undefined) ?? []).map((n) => `-${clean(n)}`);
      return `services ${[...added, ...removed].join(' ')}`;
    }
    case 'field.changed':
      return describeFieldChange(text(p.field), p.from, p.to);
    case 'note':
      return `note: ${text(p.body)}`;
    case 'status_update':
      return `status update (${text(p.status)}): ${text(p.body)}`;
    default:
      return `${clean(event.kind)} ${clean(JSON.stringify(p))}`;
  }
}

function describeFieldChange(field: string, from: unknown, to: unknown): string {
  if (field === 'summary') return 'summary changed';
  if (Array.isArray(to)) return `${field}: ${to.map((v) => clean(String(v))).join(', ') || '-'}`;
  if (field.endsWith('At')) return `${field} ${formatTime(from as string | null)} → ${formatTime(to as string | null)}`;
  return `${field} "${truncate(clean(String(from ?? '')), 40)}" → "${truncate(clean(String(to ?? '')), 40)}"`;
}
