import type { Logger } from 'pino';
import type { SlackEnvironment } from '../config/env.js';
import type { SecretBox } from '../security/secret-box.js';
import type { Db } from '../store/database.js';
import { createSlackClient } from './client.js';
import { SlackCredentials } from './credentials.js';
import { SlackUserDirectory } from './slack-users.js';
import type { WebClient } from '@slack/web-api';

/** What the Slack jobs and the receiver share: credentials, the user cache, clients. */
export class SlackRuntime {
  readonly users = new SlackUserDirectory();
  readonly credentials: SlackCredentials;

  constructor(
    db: Db,
    readonly env: SlackEnvironment,
    readonly box: SecretBox | undefined,
    readonly logger?: Logger,
  ) {
    this.credentials = new SlackCredentials(db, env, box, this.users, logger);
  }

  client(token: string): WebClient {
    return createSlackClient(token, this.env.apiUrl);
  }
}

/** Slack is on when a bot token is configured or the app can be installed with OAuth. */
export function slackConfigured(env: SlackEnvironment): boolean {
  return Boolean(env.botToken || (env.clientId && env.clientSecret));
}
