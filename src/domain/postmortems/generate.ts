import { INCIDENT_ROLES } from '../incidents/incident.js';
import { pickText } from '../runbooks/text.js';
import type { FieldValue, Language } from '../runbooks/types.js';
import { POSTMORTEM_TIMELINE_KINDS, describeEntry } from './describe-entry.js';
import { formatDuration, incidentDurations } from './durations.js';
import { formatTime, inlineText, markdownTable } from './format.js';
import { DURATION_LABELS, LABELS, durationGap } from './labels.js';
import { sloImpactText } from './slo-impact-section.js';
import type { IncidentSnapshot, SnapshotEntry } from './snapshot.js';
import type { Generator } from './template.js';

export interface GenerateOptions {
  language: Language;
  /** IANA zone the times are written in. */
  timeZone: string;
}

type SectionGenerator = (snapshot: IncidentSnapshot, options: GenerateOptions) => string;

/** Each generator writes Markdown from the incident's record; registered by id so templates name them as data. */
export const SECTION_GENERATORS: Record<Generator, SectionGenerator> = {
  summary: summaryText,
  impact: impactText,
  'slo-impact': sloImpactText,
  timeline: timelineText,
  detection: detectionText,
  resolution: resolutionText,
  responders: respondersText,
  'runbook-answers': runbookAnswersText,
};

function summaryText(snapshot: IncidentSnapshot, { language, timeZone }: GenerateOptions): string {
  const l = LABELS[language];
  const resolve = incidentDurations(snapshot).find((d) => d.name === 'timeToResolve')!;
  const lines = [
    `**${inlineText(`${snapshot.reference}: ${snapshot.title}`)}**`,
    '',
    `- ${l.severity}: ${snapshot.severity}`,
    `- ${l.services}: ${snapshot.services.map((s) => s.name).join(', ') || l.none}`,
    `- ${l.declared}: ${formatTime(snapshot.declaredAt, timeZone)} (${timeZone})`,
    `- ${l.resolved}: ${snapshot.resolvedAt ? formatTime(snapshot.resolvedAt, timeZone) : l.notRecorded}${resolve.ms !== null ? ` (${formatDuration(resolve.ms)})` : ''}`,
  ];
  if (snapshot.summary.trim()) lines.push('', snapshot.summary.trim());
  return lines.join('\n');
}

function impactText(snapshot: IncidentSnapshot, { language, timeZone }: GenerateOptions): string {
  const l = LABELS[language];
  const start = snapshot.impactStartedAt;
  const end = snapshot.mitigatedAt ?? snapshot.resolvedAt;
  const lines = [
    `- ${l.impactWindow}: ${start ? formatTime(start, timeZone) : l.notRecorded} – ${end ? formatTime(end, timeZone) : l.ongoing}` +
      (start && end && end >= start ? ` (${formatDuration(Date.parse(end) - Date.parse(start))})` : ''),
  ];
  for (const [name, field] of Object.entries(snapshot.fields)) {
    if (field.value === null) continue;
    const text =
      field.type === 'time' && typeof field.value === 'string'
        ? formatTime(field.value, timeZone)
        : field.type === 'user' && typeof field.value === 'string'
          ? (snapshot.people[field.value] ?? field.value)
          : fieldText(field.value, language);
    lines.push(`- ${pickText(field.label, language) || name}: ${text}`);
  }
  for (const slo of snapshot.sloImpact ?? []) {
    lines.push(`- ${l.slo} ${inlineText(slo.slo)}: ${(slo.budgetConsumed * 100).toFixed(1)}% ${l.budgetConsumed}`);
  }
  return lines.join('\n');
}

function timelineText(snapshot: IncidentSnapshot, { language, timeZone }: GenerateOptions): string {
  const l = LABELS[language];
  const entries = snapshot.timeline.filter((entry) => POSTMORTEM_TIMELINE_KINDS.has(entry.kind));
  if (!entries.length) return l.noEntries;
  return markdownTable(
    [`${l.time} (${timeZone})`, l.event, l.by],
    entries.map((entry) => [formatTime(entry.at, timeZone), describeEntry(entry, snapshot, language), entry.actor ?? 'Hikeshi']),
  );
}

function detectionText(snapshot: IncidentSnapshot, { language, timeZone }: GenerateOptions): string {
  const l = LABELS[language];
  const detect = incidentDurations(snapshot).find((d) => d.name === 'timeToDetect')!;
  return [
    `- ${l.detected}: ${snapshot.detectedAt ? formatTime(snapshot.detectedAt, timeZone) : l.notRecorded}` +
      (detect.ms !== null ? ` (${formatDuration(detect.ms)} ${l.afterImpact})` : ''),
    `- ${l.declared}: ${formatTime(snapshot.declaredAt, timeZone)}`,
    `- ${l.acknowledged}: ${snapshot.acknowledgedAt ? formatTime(snapshot.acknowledgedAt, timeZone) : l.notRecorded}`,
    ...(detect.ms === null ? [`- ${DURATION_LABELS[language].timeToDetect}: ${durationGap(detect, language)}`] : []),
  ].join('\n');
}

function resolutionText(snapshot: IncidentSnapshot, { language, timeZone }: GenerateOptions): string {
  const l = LABELS[language];
  const changes = snapshot.timeline.filter((entry): entry is Extract<SnapshotEntry, { kind: 'status.changed' }> => entry.kind === 'status.changed');
  return [
    `- ${l.mitigated}: ${snapshot.mitigatedAt ? formatTime(snapshot.mitigatedAt, timeZone) : l.notRecorded}`,
    `- ${l.resolved}: ${snapshot.resolvedAt ? formatTime(snapshot.resolvedAt, timeZone) : l.notRecorded}`,
    ...(changes.length
      ? [`- ${l.statusChanges}: ${changes.map((c) => `${c.payload.to} (${formatTime(c.at, timeZone)})`).join(' → ')}`]
      : []),
  ].join('\n');
}

function respondersText(snapshot: IncidentSnapshot, { language }: GenerateOptions): string {
  const l = LABELS[language];
  const answerers = [...new Set(snapshot.timeline.filter((e) => e.kind === 'runbook.answered' && e.actor).map((e) => e.actor!))];
  return [
    ...INCIDENT_ROLES.map((role) => `- ${l.roles[role]}: ${snapshot.roles[role] ?? l.none}`),
    ...(answerers.length ? [`- ${l.answeredBy}: ${answerers.join(', ')}`] : []),
  ].join('\n');
}

function runbookAnswersText(snapshot: IncidentSnapshot, { language, timeZone }: GenerateOptions): string {
  const l = LABELS[language];
  const answers = snapshot.timeline.filter((e): e is Extract<SnapshotEntry, { kind: 'runbook.answered' }> => e.kind === 'runbook.answered');
  if (!answers.length) return l.noAnswers;
  return markdownTable(
    [l.question, l.answer, l.by, `${l.time} (${timeZone})`],
    answers.map((a) => [pickText(a.payload.question, language), a.payload.answer, a.actor ?? 'Hikeshi', formatTime(a.at, timeZone)]),
  );
}

function fieldText(value: FieldValue, language: Language): string {
  if (typeof value === 'boolean') return value ? (language === 'ja' ? 'はい' : 'yes') : language === 'ja' ? 'いいえ' : 'no';
  if (Array.isArray(value)) return value.map(inlineText).join(', ');
  return typeof value === 'number' ? value.toLocaleString('en-US') : inlineText(value);
}
