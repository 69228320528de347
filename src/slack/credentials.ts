import type { Logger } from 'pino';
import type { SlackEnvironment } from '../config/env.js';
import { isWorkspaceAdmin } from '../domain/slack/slack-user.js';
import type { SecretBox } from '../security/secret-box.js';
import type { Db } from '../store/database.js';
import { findInstallation } from '../store/repositories/slack.js';
import { callSlack, createSlackClient } from './client.js';
import type { SlackUserDirectory } from './slack-users.js';

export interface AdminCredential {
  token: string;
  userId: string;
  userName: string;
  source: 'installation' | 'environment';
}

export const sealContext = {
  bot: (teamId: string) => `slack:${teamId}:bot`,
  admin: (teamId: string, userId: string) => `slack:${teamId}:admin:${userId}`,
};

const VERIFY_EVERY_MS = 10 * 60_000;

/**
 * The Slack tokens in force. The admin token is only ever the one stored by an install
 * that a verified workspace admin or owner made, or SLACK_USER_TOKEN once verified to be
 * an admin's — never whatever user token an installation store would hand out for the
 * acting user.
 */
export class SlackCredentials {
  private verifiedEnvAdmin: { credential: AdminCredential | undefined; at: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly env: SlackEnvironment,
    private readonly box: SecretBox | undefined,
    private readonly users: SlackUserDirectory,
    private readonly logger?: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  get apiUrl(): string | undefined {
    return this.env.apiUrl;
  }

  async botToken(): Promise<string | undefined> {
    if (this.env.botToken) return this.env.botToken;
    const installation = await findInstallation(this.db);
    if (!installation || !this.box) return undefined;
    return this.box.open(installation.botTokenSealed, sealContext.bot(installation.teamId));
  }

  async adminCredential(): Promise<AdminCredential | undefined> {
    const installation = await findInstallation(this.db);
    if (installation?.admin && this.box) {
      const { admin } = installation;
      return {
        token: this.box.open(admin.tokenSealed, sealContext.admin(installation.teamId, admin.userId)),
        userId: admin.userId,
        userName: admin.userName,
        source: 'installation',
      };
    }
    if (!this.env.userToken) return undefined;
    const cached = this.verifiedEnvAdmin;
    if (cached && this.now() - cached.at < VERIFY_EVERY_MS) return cached.credential;
    const credential = await this.verifyEnvironmentToken(this.env.userToken);
    this.verifiedEnvAdmin = { credential, at: this.now() };
    return credential;
  }

  private async verifyEnvironmentToken(token: string): Promise<AdminCredential | undefined> {
    const client = createSlackClient(token, this.env.apiUrl);
    const identity = await callSlack('auth.test', () => client.auth.test());
    const userId = identity.user_id;
    if (!userId) return undefined;
    const facts = await this.users.lookup(client, userId);
    if (!isWorkspaceAdmin(facts)) {
      this.logger?.warn({ slackUserId: userId }, 'SLACK_USER_TOKEN belongs to someone who is not a workspace admin or owner; it is not used');
      return undefined;
    }
    return { token, userId, userName: facts.name, source: 'environment' };
  }
}
