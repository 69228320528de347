import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Deps } from '../usecases/deps.js';
import type { SlackConnection } from '../usecases/slack-install/read-slack-status.js';
import { registerAuthentication } from './auth.js';
import { registerMetrics } from './metrics.js';
import { errorHandler, problem, sendProblem } from './problem.js';
import { alertIngestRoutes } from './routes/alert-ingest.js';
import { serviceRoutes, teamRoutes, userRoutes } from './routes/catalog.js';
import { healthRoutes } from './routes/health.js';
import { alertRoutes } from './routes/alerts.js';
import { incidentRoutes } from './routes/incidents.js';
import { incidentSloImpactRoutes } from './routes/incident-slo-impact.js';
import { integrationRoutes } from './routes/integrations.js';
import { VERSION, metaRoutes } from './routes/meta.js';
import { oncallRoutes } from './routes/oncall.js';
import { pagingRoutes } from './routes/paging.js';
import { postmortemRoutes } from './routes/postmortems.js';
import { reportRoutes } from './routes/reports.js';
import { rotaSourceRoutes } from './routes/rota-sources.js';
import { runbookRoutes } from './routes/runbooks.js';
import { severityRoutes } from './routes/severity.js';
import { sloRoutes } from './routes/slos.js';
import { oncallUserGroupRoutes } from './routes/oncall-user-groups.js';
import type { App, RouteModule } from './routes/route-types.js';
import { sessionRoutes, tokenRoutes } from './routes/session.js';
import { slackSettingsRoutes } from './routes/slack-settings.js';
import { validatorCompiler } from './validation.js';

export interface ServerOptions {
  adminToken: string | undefined;
  secureCookies: boolean;
  logger: Logger | false;
  /** The built web app (dist/web); absent in API-only test runs. */
  webRoot?: string;
  bodyLimit?: number;
  /** Present when Slack is configured: the settings API reports on it. */
  slack?: SlackConnection;
  /**
   * Other adapters' routes on this server (the Slack receiver and installer), handed in by
   * the composition root so that the HTTP adapter never imports another adapter.
   */
  mounts?: ReadonlyArray<(app: FastifyInstance) => void>;
}

export const BODY_LIMIT = 256 * 1024;

export async function buildServer(deps: Deps, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger || undefined,
    logger: options.logger ? undefined : false,
    bodyLimit: options.bodyLimit ?? BODY_LIMIT,
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  // JSON only: a text/plain body (what a cross-site HTML form can send) is refused with 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler());
  app.setErrorHandler(errorHandler);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Hikeshi API', version: VERSION, description: 'Incidents, timeline, people, teams and services.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token (hks_…) or HIKESHI_ADMIN_TOKEN' },
          session: { type: 'apiKey', in: 'cookie', name: 'hikeshi_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  registerAuthentication(app, deps, options.adminToken);
  registerMetrics(app);

  const routes: RouteModule[] = [
    healthRoutes,
    metaRoutes,
    incidentRoutes,
    incidentSloImpactRoutes,
    userRoutes,
    teamRoutes,
    serviceRoutes,
    oncallRoutes,
    pagingRoutes,
    runbookRoutes,
    severityRoutes,
    sloRoutes,
    postmortemRoutes,
    reportRoutes,
    rotaSourceRoutes,
    oncallUserGroupRoutes,
    integrationRoutes,
    alertIngestRoutes,
    alertRoutes,
    tokenRoutes,
    sessionRoutes(options.secureCookies),
    slackSettingsRoutes(options.slack),
  ];
  for (const register of routes) register(app, deps);
  for (const mount of options.mounts ?? []) mount(app);
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerWebApp(app, options.webRoot);
  return app;
}

/** The single-page app: static files, and index.html for any other GET outside /api. */
function registerWebApp(app: App, webRoot: string | undefined): void {
  const hasWebApp = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWebApp) {
    // Hashed assets never change; index.html must be revalidated so an upgrade is seen at once.
    void app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      setHeaders: (res, path) =>
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !['/api/', '/slack/', '/assets/'].some((prefix) => request.url.startsWith(prefix));
    if (isPage && hasWebApp) return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    return sendProblem(reply, problem(404, 'route.not_found', `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
}
