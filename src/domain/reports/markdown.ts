import { DateTime } from 'luxon';
import { formatDuration } from '../postmortems/durations.js';
import { inlineText, markdownTable } from '../postmortems/format.js';
import type { Language } from '../runbooks/types.js';
import { REPORT_LABELS, type ReportLabels } from './labels.js';
import type { ReportScope } from './types.js';
import { REVIEW_DURATIONS } from './week-incidents.js';
import type { WeeklyReview } from './weekly-review.js';

/** The review as one Markdown document: tables, and plain words wherever there is nothing to show. */
export function weeklyReviewMarkdown(review: WeeklyReview, language: Language = 'en'): string {
  const l = REPORT_LABELS[language];
  const zone = review.period.timeZone;
  const time = (at: string | number) => (typeof at === 'number' ? DateTime.fromMillis(at) : DateTime.fromISO(at)).setZone(zone).toFormat('yyyy-MM-dd HH:mm');
  const parts = [
    `# ${l.title} ${review.week} — ${scopeName(review.scope, l)}`,
    `${l.period}: ${time(review.period.start)} – ${time(review.period.end)} (${zone})`,
    ...(review.complete ? [] : [`_${l.running} ${time(review.generatedAt)}._`]),
    sloSection(review, l, time),
    attributionSection(review, l),
    incidentsSection(review, l, time),
    durationsSection(review, l),
    pagingSection(review, l),
    followUpsSection(review, l),
    postmortemsSection(review, l),
  ];
  return `${parts.join('\n\n')}\n`;
}

export function scopeName(scope: ReportScope, l: ReportLabels): string {
  if (scope.kind === 'team') return `${l.team} ${scope.team}`;
  if (scope.kind === 'service') return `${l.service} ${scope.service}`;
  return l.organisation;
}

export function percent(value: number | null, digits: number, noData: string): string {
  return value === null ? noData : `${(value * 100).toFixed(digits)} %`;
}

function points(value: number | null, noData: string): string {
  if (value === null) return noData;
  const text = (Math.abs(value) * 100).toFixed(1);
  return `${value < 0 ? '−' : '+'}${text} pt`;
}

function sloSection(review: WeeklyReview, l: ReportLabels, time: (at: string) => string): string {
  const heading = `## ${l.sloStatus}`;
  if (!review.slos.length) return `${heading}\n\n${l.noSlos}`;
  const table = markdownTable(
    [l.slo, l.service, l.objective, l.attainment, l.budgetLeft, l.burntThisWeek, l.vsLastWeek, l.statusColumn, l.exhaustion],
    review.slos.map((row) => [
      inlineText(row.name),
      row.service,
      percent(row.objective, 2, l.noData),
      percent(row.attainment, 3, l.noData),
      percent(row.budgetRemaining, 1, l.noData),
      percent(row.burntThisWeek, 1, l.noData),
      points(row.budgetRemainingChange, l.noData),
      l.health[row.status],
      row.projectedExhaustion ? time(row.projectedExhaustion).slice(0, 10) : '—',
    ]),
  );
  return [heading, ...(review.noData.slos ? [l.noSloData] : []), table].join('\n\n');
}

function attributionSection(review: WeeklyReview, l: ReportLabels): string {
  const heading = `## ${l.attribution}`;
  const burning = review.attribution.filter((a) => a.bad > 0);
  if (!burning.length) return `${heading}\n\n${review.slos.length ? l.noBurn : l.noSlos}`;
  const sloName = new Map(review.slos.map((row) => [row.sloId, row.name]));
  const rows = burning.flatMap((a) => [
    ...a.incidents.map((incident) => [
      inlineText(sloName.get(a.sloId) ?? a.sloId),
      [incident.reference, incident.partial ? `(${l.partial})` : '', incident.postmortemRequired ? `**${l.postmortemRequired}**` : ''].filter(Boolean).join(' '),
      `${round(incident.bad)} ${a.unit}`,
      percent(incident.share, 1, l.noData),
    ]),
    [inlineText(sloName.get(a.sloId) ?? a.sloId), l.unattributed, `${round(a.unattributed.bad)} ${a.unit}`, percent(a.unattributed.share, 1, l.noData)],
  ]);
  return `${heading}\n\n${markdownTable([l.slo, l.incident, l.burnt, l.shareOfBudget], rows)}`;
}

function incidentsSection(review: WeeklyReview, l: ReportLabels, time: (at: string) => string): string {
  const heading = `## ${l.incidents}`;
  if (review.noData.incidents) return `${heading}\n\n${l.noIncidents}`;
  const counts = Object.entries(review.incidents.declaredBySeverity).map(([severity, n]) => `${severity}: ${n}`).join(', ');
  const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));
  const table = markdownTable(
    [l.incident, l.severity, l.title_, l.services, l.declared, l.tta, l.ttm, l.ttr, l.budget, l.postmortem],
    review.incidents.lines.map((line) => [
      line.carriedOver ? `${line.reference} (${l.carriedOver})` : line.reference,
      line.severity,
      inlineText(line.title),
      line.services.join(', ') || '—',
      time(line.declaredAt),
      duration(line.durations.timeToAcknowledge),
      duration(line.durations.timeToMitigate),
      duration(line.durations.timeToResolve),
      line.budget.length ? line.budget.map((b) => `${b.sloId} ${percent(b.share, 1, l.noData)}`).join(', ') : '—',
      `${l.postmortemStatus[line.postmortem.status]}${line.postmortem.required && line.postmortem.status !== 'published' ? ` (${l.postmortemRequired})` : ''}`,
    ]),
  );
  return `${heading}\n\n${l.declaredBySeverity}: ${counts}\n\n${table}`;
}

function durationsSection(review: WeeklyReview, l: ReportLabels): string {
  const duration = (ms: number | null) => (ms === null ? l.noData : formatDuration(ms));
  const rows = REVIEW_DURATIONS.map((name) => {
    const stats = review.incidents.durations[name];
    return [l[name], l.moments[stats.from], l.moments[stats.to], duration(stats.p50), duration(stats.p90), String(stats.n)];
  });
  return `## ${l.durations}\n\n${markdownTable([l.measure, l.from, l.to, 'p50', 'p90', 'n'], rows)}`;
}

function pagingSection(review: WeeklyReview, l: ReportLabels): string {
  const heading = `## ${l.paging}`;
  if (review.noData.paging) return `${heading}\n\n${l.noPages}`;
  const { interruptions, responders, hoursWithInterruption } = review.paging;
  const header = [l.responder, l.business, l.off, l.sleep, l.total];
  const rows = [
    ...responders.map((r) => [r.name, String(r.business), String(r.off), String(r.sleep), String(r.total)]),
    [`**${l.total}**`, String(interruptions.business), String(interruptions.off), String(interruptions.sleep), String(interruptions.total)],
  ];
  return `${heading}\n\n${markdownTable(header, rows)}\n\n${l.hoursWithInterruption}: ${hoursWithInterruption}`;
}

function followUpsSection(review: WeeklyReview, l: ReportLabels): string {
  const { opened, closed, overdue, overdueItems } = review.followUps;
  const summary = `${l.opened}: ${opened} · ${l.closed}: ${closed} · ${l.overdue}: ${overdue}`;
  if (!overdueItems.length) return `## ${l.followUps}\n\n${summary}`;
  const table = markdownTable(
    [l.incident, l.followUps, l.owner, l.due, l.daysOverdue],
    overdueItems.map((item) => [item.reference, inlineText(item.title), item.ownerName ?? '—', item.dueDate, String(item.daysOverdue)]),
  );
  return `## ${l.followUps}\n\n${summary}\n\n${table}`;
}

function postmortemsSection(review: WeeklyReview, l: ReportLabels): string {
  const heading = `## ${l.postmortemsDue}`;
  const { count, items } = review.postmortemsDue;
  if (!count) return `${heading}\n\n${l.noPostmortemsDue}`;
  const table = markdownTable(
    [l.incident, l.severity, l.title_, l.postmortem, l.reason, l.age],
    items.map((item) => [
      item.reference,
      item.severity,
      inlineText(item.title),
      l.postmortemStatus[item.status],
      item.reasons.map((r) => (r === 'severity' ? l.reasonSeverity : l.reasonBudget)).join(', '),
      String(item.ageDays),
    ]),
  );
  return [heading, table, ...(count > items.length ? [l.andMore(count - items.length)] : [])].join('\n\n');
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
