import { App, type Receiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Deps } from '../../usecases/deps.js';
import { registerIncidentCommand } from '../commands/incident-command.js';
import { registerTimelineCapture } from '../events/timeline-capture.js';
import { registerIncidentActions } from '../interactions/incident-actions.js';
import { registerIncidentModals } from '../interactions/incident-modals.js';
import { registerOncall } from '../oncall/index.js';
import { registerPageActions } from '../paging/page-actions.js';
import { registerRunbookActions } from '../runbooks/run-actions.js';
import { registerSeverityActions } from '../severity/proposal-actions.js';
import type { SlackRuntime } from '../runtime.js';
import { boltLogger } from './bolt-logger.js';
import { dedupeDeliveries } from './dedupe.js';

/** What Slack listeners share. */
export interface SlackInbound {
  deps: Deps;
  logger: Logger | undefined;
}

/**
 * The Bolt app: one set of listeners behind either receiver (HTTP on Fastify, or Socket
 * Mode). Listener clients carry the bot token in force, never retry by themselves, and give
 * up well inside Slack's 3 seconds.
 */
export function createSlackApp(deps: Deps, slack: SlackRuntime, receiver: Receiver, logger: Logger | undefined): App {
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: await slack.credentials.botToken() }),
    clientOptions: slackClientOptions(slack),
    logger: boltLogger(logger),
    convoStore: false,
  });
  const inbound: SlackInbound = { deps, logger };
  app.use(dedupeDeliveries(deps));
  registerIncidentCommand(app, inbound);
  registerIncidentActions(app, inbound);
  registerIncidentModals(app, inbound);
  registerTimelineCapture(app, inbound);
  registerOncall(app, inbound);
  registerPageActions(app, inbound);
  registerRunbookActions(app, inbound);
  registerSeverityActions(app, inbound);
  return app;
}

export function slackClientOptions(slack: SlackRuntime): WebClientOptions {
  return {
    ...(slack.env.apiUrl ? { slackApiUrl: slack.env.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 2_000,
  };
}
