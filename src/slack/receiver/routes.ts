import { SocketModeReceiver } from '@slack/bolt';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../usecases/deps.js';
import type { SlackRuntime } from '../runtime.js';
import { boltLogger } from './bolt-logger.js';
import { FastifyReceiver } from './fastify-receiver.js';
import { createSlackApp } from './slack-app.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Slack request URL's receiver; `settled()` waits for listeners still working after their ack. */
    slackEvents?: FastifyReceiver;
  }
}

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * `POST /slack/events`: the one request URL for events, slash commands and interactivity.
 * Its body is kept as raw text (in this route's scope only) for the signature check. With
 * SLACK_APP_TOKEN set, the same listeners also run over Socket Mode.
 */
export function registerSlackEvents(app: FastifyInstance, deps: Deps, slack: SlackRuntime): void {
  const logger = slack.logger ?? deps.logger;
  const receiver = new FastifyReceiver({ signingSecret: slack.env.signingSecret, logger });
  createSlackApp(deps, slack, receiver, logger);
  app.decorate('slackEvents', receiver);
  app.addHook('onClose', async () => receiver.settled());
  if (!slack.env.signingSecret && !slack.env.appToken) {
    logger?.warn('SLACK_SIGNING_SECRET is not set: every request to /slack/events is refused');
  }
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ['application/json', 'application/x-www-form-urlencoded'],
      { parseAs: 'string' },
      (_request, body, done) => done(null, body),
    );
    scope.post(SLACK_EVENTS_PATH, { schema: { hide: true } }, (request, reply) => receiver.handle(request, reply));
  });
  if (slack.env.appToken) startSocketMode(app, deps, slack, slack.env.appToken);
}

/** Socket Mode: Slack pushes the same requests over a WebSocket; no public URL, no signatures. */
function startSocketMode(app: FastifyInstance, deps: Deps, slack: SlackRuntime, appToken: string): void {
  const logger = slack.logger ?? deps.logger;
  const receiver = new SocketModeReceiver({
    appToken,
    logger: boltLogger(logger),
    // apps.connections.open keeps WebClient's own retries: a Slack outage at start-up is waited out.
    installerOptions: { clientOptions: slack.env.apiUrl ? { slackApiUrl: slack.env.apiUrl } : {} },
  });
  createSlackApp(deps, slack, receiver, logger);
  // Connecting must not hold up the server: the client reconnects by itself once connected.
  app.addHook('onReady', async () => {
    receiver.start().catch((error: unknown) => logger?.error({ err: error }, 'Slack Socket Mode could not connect'));
  });
  app.addHook('onClose', async () => {
    await receiver.stop().catch(() => undefined);
  });
}
