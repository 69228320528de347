import { pickText } from '../../domain/runbooks/text.js';
import { exportPostmortemMarkdown, getPostmortem } from '../../usecases/postmortems/read-postmortem.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { oneOf } from '../args.js';
import { defineCommand } from '../command.js';
import { toJson } from '../output.js';
import { withDeps } from '../session.js';

const INCIDENT_NOTE = 'INCIDENT is a reference (INC-12), a number or an id.';

export const postmortemExport = defineCommand({
  name: 'postmortem export',
  summary: 'Print an incident\'s postmortem as Markdown, for the team\'s wiki',
  arguments: ['INCIDENT'],
  options: {
    lang: { type: 'string', placeholder: 'LANG', description: 'en (default) or ja: headings, tables and checklist' },
  },
  json: false,
  notes: [INCIDENT_NOTE, 'Example: hikeshi postmortem export INC-12 --lang ja > INC-12-postmortem.md'],
  async run({ args, options, io }) {
    const language = oneOf<'en' | 'ja'>(options.lang, 'lang', ['en', 'ja']);
    const { markdown } = await withDeps((deps) => exportPostmortemMarkdown(deps, SYSTEM_PRINCIPAL, args[0]!, language));
    io.out(markdown);
  },
});

export const postmortemShow = defineCommand({
  name: 'postmortem show',
  summary: 'Show how ready an incident\'s postmortem is, and what is missing',
  arguments: ['INCIDENT'],
  options: {},
  notes: [INCIDENT_NOTE],
  async run({ args, json, io }) {
    const view = await withDeps((deps) => getPostmortem(deps, SYSTEM_PRINCIPAL, args[0]!));
    if (json) return io.out(toJson(view));
    const lines = [
      `${view.incident.reference}: ${view.incident.title} — postmortem ${view.status.replace('_', ' ')}`,
      `Owner: ${view.owner?.name ?? 'none'}   Meeting: ${view.meetingAt ?? 'not set'}   Reviewers: ${view.reviewers.map((r) => `${r.name}${r.approvedAt ? ' (approved)' : ''}`).join(', ') || 'none'}`,
      `Readiness: ${view.readiness.percent}%`,
      ...view.readiness.items.map((item) => {
        const gap = view.readiness.missing.find((m) => m.id === item.id);
        return `  [${item.done ? 'x' : ' '}] ${pickText(item.label, 'en')}${gap ? ` — ${pickText(gap.reason, 'en')}` : ''}`;
      }),
      `Action items: ${view.actionItems.length}`,
      ...view.actionItems.map((item) => `  - ${item.title} (${item.status}; owner ${item.owner?.name ?? 'none'}; due ${item.dueDate ?? 'none'})`),
    ];
    io.out(`${lines.join('\n')}\n`);
  },
});
