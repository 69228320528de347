import { Type } from 'typebox';
import { pingDatabase } from '../../store/health.js';
import { problem, sendProblem } from '../problem.js';
import type { RouteModule } from './route-types.js';

export const healthRoutes: RouteModule = (app, deps) => {
  const Ok = Type.Object({ status: Type.String() });
  app.get('/healthz', { config: { public: true }, schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Ok } } },
    async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { tags: ['operations'], summary: 'The database answers', response: { 200: Ok } } },
    async (request, reply) => {
      try {
        await pingDatabase(deps.db);
        return { status: 'ok' };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return sendProblem(reply, problem(503, 'database.unavailable', 'The database does not answer'));
      }
    });
};
