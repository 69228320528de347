import type { FastifyInstance } from 'fastify';
import type { Deps } from '../usecases/deps.js';
import { registerSlackInstall } from './install/routes.js';
import { registerSlackEvents } from './receiver/routes.js';
import type { SlackRuntime } from './runtime.js';

/** The Slack adapter's routes, for the composition root to mount on the HTTP server. */
export function slackRoutes(deps: Deps, slack: SlackRuntime): (app: FastifyInstance) => void {
  return (app) => {
    registerSlackInstall(app, deps, slack);
    registerSlackEvents(app, deps, slack);
  };
}
