import { pickText } from '../runbooks/text.js';
import type { Language } from '../runbooks/types.js';
import type { Readiness } from './checklist.js';
import { formatDuration, incidentDurations } from './durations.js';
import { formatTime, inlineText, markdownTable } from './format.js';
import { ACTION_STATUS_LABELS, DURATION_LABELS, LABELS, MOMENT_LABELS, STATUS_LABELS, durationGap } from './labels.js';
import type { IncidentSnapshot } from './snapshot.js';
import type { PostmortemTemplate } from './template.js';
import type { ActionItem, Postmortem } from './types.js';

export interface MarkdownInput {
  postmortem: Postmortem;
  actionItems: readonly ActionItem[];
  template: PostmortemTemplate;
  snapshot: IncidentSnapshot;
  readiness: Readiness;
  language: Language;
  timeZone: string;
}

const NOT_WRITTEN: Record<Language, string> = { en: '_Not written yet._', ja: '_未記入_' };

/** The postmortem as one Markdown document, for the team's wiki. */
export function postmortemMarkdown({ postmortem, actionItems, template, snapshot, readiness, language, timeZone }: MarkdownInput): string {
  const l = LABELS[language];
  const name = (id: string | null) => (id === null ? l.none : (snapshot.people[id] ?? id));
  const time = (iso: string | null) => (iso === null ? l.notRecorded : `${formatTime(iso, timeZone)} (${timeZone})`);
  const reviewers = postmortem.reviewers.map((r) => `${name(r.userId)}${r.approvedAt ? ` (${l.approved})` : ''}`).join(', ');
  const out: string[] = [
    `# ${inlineText(`${snapshot.reference}: ${snapshot.title}`)} — ${l.postmortem}`,
    '',
    `- ${l.status}: ${STATUS_LABELS[language][postmortem.status]}`,
    `- ${l.severity}: ${postmortem.severityConfirmed?.severity ?? snapshot.severity}`,
    `- ${l.services}: ${inlineText(snapshot.services.map((s) => s.name).join(', ')) || l.none}`,
    `- ${l.owner}: ${inlineText(name(postmortem.ownerId))}`,
    `- ${l.reviewers}: ${inlineText(reviewers) || l.none}`,
    `- ${l.meeting}: ${time(postmortem.meetingAt)}`,
    ...(postmortem.sloImpactNote ? [`- ${l.sloImpact}: ${inlineText(postmortem.sloImpactNote)}`] : []),
    '',
    `## ${l.durations}`,
    '',
    markdownTable(
      [l.measure, l.from, l.to, l.duration],
      incidentDurations(snapshot).map((d) => [
        DURATION_LABELS[language][d.name],
        `${MOMENT_LABELS[language][d.from]} ${snapshot[d.from] ? formatTime(snapshot[d.from]!, timeZone) : '—'}`,
        `${MOMENT_LABELS[language][d.to]} ${snapshot[d.to] ? formatTime(snapshot[d.to]!, timeZone) : '—'}`,
        d.ms === null ? `— (${durationGap(d, language)})` : formatDuration(d.ms),
      ]),
    ),
  ];
  const listed = new Set(template.sections.map((s) => s.id));
  const sections = [
    ...template.sections,
    // Sections a changed template dropped still hold people's writing: keep them, last.
    ...Object.keys(postmortem.sections)
      .filter((id) => !listed.has(id) && postmortem.sections[id]!.text.trim())
      .map((id) => ({ id, heading: { en: id }, actionItems: false })),
  ];
  for (const section of sections) {
    const text = postmortem.sections[section.id]?.text.trim() ?? '';
    out.push('', `## ${pickText(section.heading, language)}`, '');
    if (text) out.push(text);
    if (section.actionItems) {
      if (text) out.push('');
      out.push(
        actionItems.length
          ? markdownTable(
              [l.actionItem, l.owner, l.due, l.status, l.link],
              actionItems.map((item) => [
                item.title,
                name(item.ownerId),
                item.dueDate ?? '—',
                ACTION_STATUS_LABELS[language][item.status],
                item.externalUrl ? `<${item.externalUrl}>` : '—',
              ]),
            )
          : l.noActionItems,
      );
    } else if (!text) {
      out.push(NOT_WRITTEN[language]);
    }
  }
  out.push('', `## ${l.readiness}: ${readiness.percent}%`, '');
  for (const item of readiness.items) {
    out.push(`- [${item.done ? 'x' : ' '}] ${pickText(item.label, language)}${item.reason ? ` — ${inlineText(pickText(item.reason, language))}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
