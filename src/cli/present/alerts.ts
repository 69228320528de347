import type { AlertView } from '../../usecases/alerts/read-alerts.js';
import { clean, formatTime, keyValues, table, truncate } from '../output.js';

const routedTo = (a: AlertView) =>
  [a.service ? clean(a.service.name) : null, a.incident ? a.incident.reference : null, a.page ? `page #${a.page.number}` : null].filter(Boolean).join(' ') || '-';

export function alertTable(alerts: readonly AlertView[]): string {
  if (!alerts.length) return 'No alerts.\n';
  const rows = alerts.map((a) => [`#${a.number}`, a.status, a.severity, String(a.occurrences), routedTo(a), formatTime(a.lastSeenAt), truncate(clean(a.title), 60)]);
  return `${table(['ALERT', 'STATUS', 'SEVERITY', 'SEEN', 'ROUTED TO', 'LAST', 'TITLE'], rows)}\n`;
}

export function alertDetails(alert: AlertView): string {
  const pairs: Array<[string, string]> = [
    ['alert', `#${alert.number}`],
    ['status', alert.status],
    ['title', clean(alert.title)],
    ['severity', `${alert.severity}${alert.sourceSeverity && alert.sourceSeverity !== alert.severity ? ` (sent as ${clean(alert.sourceSeverity)})` : ''}`],
    ['from', alert.integration ? `${clean(alert.integration.name)} (${alert.integration.kind})` : alert.source],
    ['dedup key', clean(alert.dedupKey)],
    ['seen', `${alert.occurrences} times, ${formatTime(alert.firstSeenAt)} – ${formatTime(alert.lastSeenAt)}`],
    ['routed to', routedTo(alert)],
  ];
  if (alert.acknowledgedAt) pairs.push(['acknowledged', formatTime(alert.acknowledgedAt)]);
  if (alert.resolvedAt) pairs.push(['resolved', formatTime(alert.resolvedAt)]);
  if (alert.summary) pairs.push(['summary', clean(alert.summary, { multiline: true })]);
  const labels = Object.entries(alert.labels).map(([k, v]) => `${clean(k)}=${clean(v)}`);
  if (labels.length) pairs.push(['labels', labels.join(' ')]);
  pairs.push(['id', alert.id]);
  const events = (alert.events ?? []).map((e) => [formatTime(e.at), e.count > 1 ? `${e.kind} ×${e.count}` : e.kind, e.actor ? clean(e.actor.name) : '', e.detail ? truncate(clean(JSON.stringify(e.detail)), 80) : '']);
  return [keyValues(pairs), '', 'Timeline:', events.length ? table(['AT', 'EVENT', 'BY', 'DETAIL'], events).replace(/^/gm, '  ') : '  none', ''].join('\n');
}
