import type { EscalationPolicy } from '../../domain/escalation/policy.js';
import type { PageView } from '../../usecases/paging/page-view.js';
import { clean, formatTime, keyValues, table, truncate } from '../output.js';

const target = (p: PageView) => (p.target.type === 'policy' ? `policy ${clean(p.target.name)}` : `${p.target.type} ${clean(p.target.name)}`);
const position = (p: PageView) => `${p.level}/${p.levels}${p.cycle ? ` (repeat ${p.cycle})` : ''}`;

export function pageTable(pages: readonly PageView[]): string {
  if (!pages.length) return 'No pages.\n';
  const rows = pages.map((p) => [`#${p.number}`, p.status, position(p), target(p), formatTime(p.createdAt), truncate(clean(p.message), 60)]);
  return `${table(['PAGE', 'STATUS', 'LEVEL', 'PAGED', 'AT', 'MESSAGE'], rows)}\n`;
}

export function pageDetails(page: PageView): string {
  const pairs: Array<[string, string]> = [
    ['page', `#${page.number}`],
    ['status', page.status],
    ['message', clean(page.message)],
    ['paged', target(page)],
    ['level', position(page)],
    ['next escalation', page.nextEscalationAt ? formatTime(page.nextEscalationAt) : '-'],
    ['created', `${formatTime(page.createdAt)} by ${clean(page.createdBy.name)}`],
  ];
  if (page.acknowledgedAt) pairs.push(['acknowledged', `${formatTime(page.acknowledgedAt)} by ${clean(page.acknowledgedBy?.name ?? '?')}`]);
  if (page.resolvedAt) pairs.push(['resolved', `${formatTime(page.resolvedAt)} by ${clean(page.resolvedBy?.name ?? '?')}`]);
  if (page.details) pairs.push(['details', clean(page.details, { multiline: true })]);
  pairs.push(['id', page.id]);
  const notifications = page.notifications.map((n) => [
    `${n.level}${n.cycle ? ` (repeat ${n.cycle})` : ''}`,
    clean(n.recipient.name),
    n.channel,
    n.status,
    n.error ? truncate(clean(n.error), 70) : formatTime(n.sentAt),
  ]);
  const events = (page.events ?? []).map((e) => [formatTime(e.at), e.kind, clean(e.text)]);
  return [
    keyValues(pairs),
    '',
    'Notifications:',
    notifications.length ? table(['LEVEL', 'TO', 'CHANNEL', 'STATUS', 'SENT / ERROR'], notifications).replace(/^/gm, '  ') : '  none',
    '',
    'Record:',
    events.length ? table(null, events).replace(/^/gm, '  ') : '  none',
    '',
  ].join('\n');
}

export function policyTable(policies: readonly EscalationPolicy[]): string {
  if (!policies.length) return 'No escalation policies.\n';
  const rows = policies.map((p) => [clean(p.name), String(p.levels.length), String(p.repeat), p.id]);
  return `${table(['NAME', 'LEVELS', 'REPEAT', 'ID'], rows)}\n`;
}

export function policyDetails(policy: EscalationPolicy): string {
  const pairs: Array<[string, string]> = [
    ['name', clean(policy.name)],
    ['repeat', `${policy.repeat} extra ${policy.repeat === 1 ? 'run' : 'runs'} of the levels when nobody acknowledges`],
    ['team', policy.teamId ?? '-'],
    ['id', policy.id],
  ];
  if (policy.description) pairs.push(['description', clean(policy.description, { multiline: true })]);
  const levels = policy.levels.map((level, i) => [
    String(i + 1),
    level.targets.map((t) => `${t.type} ${clean(t.name)}`).join(', '),
    `then ${level.delayMinutes} min`,
  ]);
  return [keyValues(pairs), '', 'Levels:', table(['LEVEL', 'NOTIFIES', 'WAITS'], levels).replace(/^/gm, '  '), ''].join('\n');
}
