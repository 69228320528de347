import { Type } from 'typebox';
import { weeklyReviewMarkdown } from '../../domain/reports/markdown.js';
import { getWeeklyReview } from '../../usecases/reports/weekly-review.js';
import { principalOf } from '../auth.js';
import { WeeklyReview, WeeklyReviewQuery } from '../report-schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const tags = ['reports'];

export const reportRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/reports/weekly',
    {
      schema: {
        tags,
        summary: 'The weekly review: SLOs, budget burndown and attribution, incidents, durations, paging load, follow-ups, postmortems due',
        querystring: WeeklyReviewQuery,
        response: {
          200: { description: 'JSON, or Markdown with format=markdown or Accept: text/markdown', content: { 'application/json': { schema: WeeklyReview }, 'text/markdown': { schema: Type.String() } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { week, team, service, format, lang } = request.query;
      const review = await getWeeklyReview(deps, principalOf(request), { week, team, service });
      const markdown = format === 'markdown' || format === 'md' || (format === undefined && wantsMarkdown(request.headers.accept));
      if (!markdown) return reply.type('application/json').send(review);
      const scope = review.scope.kind === 'organisation' ? 'organisation' : review.scope.kind === 'team' ? review.scope.team : review.scope.service;
      const filename = `weekly-review-${review.week}-${scope.replace(/[^A-Za-z0-9_.-]+/g, '_')}${lang === 'ja' ? '.ja' : ''}.md`;
      return reply.type('text/markdown; charset=utf-8').header('content-disposition', `inline; filename="${filename}"`).send(weeklyReviewMarkdown(review, lang ?? 'en'));
    },
  );
};

function wantsMarkdown(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*text\/markdown/.test(accept);
}
