import { weeklyReviewMarkdown } from '../../domain/reports/markdown.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { getWeeklyReview } from '../../usecases/reports/weekly-review.js';
import { oneOf } from '../args.js';
import { defineCommand } from '../command.js';
import { toJson } from '../output.js';
import { withDeps } from '../session.js';

export const reportWeekly = defineCommand({
  name: 'report weekly',
  summary: 'Print the weekly review (SLOs, budget burnt per incident, incidents, durations, paging load, follow-ups) as Markdown or JSON',
  arguments: [],
  options: {
    week: { type: 'string', placeholder: 'WEEK', description: 'ISO week, e.g. 2026-W48, in reports.timeZone (default: the last complete week)' },
    team: { type: 'string', placeholder: 'TEAM', description: 'A team’s name (default: the whole organisation)' },
    service: { type: 'string', placeholder: 'SERVICE', description: 'A service’s name' },
    format: { type: 'string', placeholder: 'FORMAT', description: 'md (default) or json' },
    lang: { type: 'string', placeholder: 'LANG', description: 'en (default) or ja, for Markdown' },
  },
  notes: ['Example: hikeshi report weekly --week 2026-W48 --team SRE > 2026-W48-SRE.md'],
  async run({ options, json, io }) {
    const format = oneOf<'md' | 'json'>(options.format, 'format', ['md', 'json']) ?? 'md';
    const language = oneOf<'en' | 'ja'>(options.lang, 'lang', ['en', 'ja']);
    const review = await withDeps((deps) => getWeeklyReview(deps, SYSTEM_PRINCIPAL, { week: options.week, team: options.team, service: options.service }));
    io.out(json || format === 'json' ? toJson(review) : weeklyReviewMarkdown(review, language));
  },
});
