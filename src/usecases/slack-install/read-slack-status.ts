import type { SlackEnvironment } from '../../config/env.js';
import type { TokenStrategy } from '../../domain/slack/invite-plan.js';
import { activeTokenMode, type TokenMode } from '../../domain/slack/token-mode.js';
import { findInstallation } from '../../store/repositories/slack.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';

/** What the status needs of the Slack adapter (its SlackRuntime fits). */
export interface SlackConnection {
  readonly env: SlackEnvironment;
  /** The SecretBox; absent when HIKESHI_SECRET_KEY is missing on Postgres. */
  readonly box: unknown;
  readonly credentials: {
    /** The admin token in force; for SLACK_USER_TOKEN this asks Slack (cached) whose it is. */
    adminCredential(): Promise<{ userId: string; userName: string; source: 'installation' | 'environment' } | undefined>;
  };
}

export type TokenSource = 'installation' | 'environment';

/** Which tokens are in force and whose they are. Never the tokens themselves. */
export interface SlackStatus {
  configured: boolean;
  install: {
    available: boolean;
    path: string;
    /** What must be set before /slack/install works. */
    missing: string[];
    /** settings.slack.installers: when not empty, only these Slack users may install. */
    installers: string[];
  };
  strategy: TokenStrategy;
  mode: TokenMode;
  guestsInvitable: boolean;
  missingAdminToken: boolean;
  team: { id: string; name: string } | null;
  bot: { source: TokenSource; userId: string | null; scopes: string[] | null } | null;
  admin: { source: TokenSource; userId: string; name: string; scopes: string[] | null; verifiedAt: string | null } | null;
  /** Why SLACK_USER_TOKEN is not used, when it is set but not in force. */
  adminProblem: 'not_an_admin' | 'unverified' | null;
  installedAt: string | null;
  installedByUserId: string | null;
  updatedAt: string | null;
}

export const SLACK_INSTALL_PATH = '/slack/install';

export async function readSlackStatus(deps: Deps, slack: SlackConnection | undefined, principal: Principal): Promise<SlackStatus> {
  authorize(principal, 'admin');
  const strategy = deps.settings.slack.tokenStrategy;
  const env = slack?.env;
  const missing = [
    ...(env?.clientId ? [] : ['SLACK_CLIENT_ID']),
    ...(env?.clientSecret ? [] : ['SLACK_CLIENT_SECRET']),
    ...(env?.stateSecret ? [] : ['SLACK_STATE_SECRET']),
    ...(slack && !slack.box ? ['HIKESHI_SECRET_KEY'] : []),
  ];
  // Stored tokens are only usable with the key that sealed them (as in SlackCredentials).
  const installation = slack?.box ? await findInstallation(deps.db) : undefined;

  const bot: SlackStatus['bot'] = env?.botToken
    ? { source: 'environment', userId: null, scopes: null }
    : installation
      ? { source: 'installation', userId: installation.botUserId, scopes: installation.botScopes }
      : null;

  let admin: SlackStatus['admin'] = null;
  let adminProblem: SlackStatus['adminProblem'] = null;
  if (installation?.admin) {
    const { userId, userName, scopes, verifiedAt } = installation.admin;
    admin = { source: 'installation', userId, name: userName, scopes, verifiedAt };
  } else if (slack && env?.userToken) {
    try {
      const credential = await slack.credentials.adminCredential();
      if (credential) admin = { source: credential.source, userId: credential.userId, name: credential.userName, scopes: null, verifiedAt: null };
      else adminProblem = 'not_an_admin';
    } catch {
      adminProblem = 'unverified';
    }
  }

  const active = activeTokenMode(strategy, bot !== null, admin !== null);
  return {
    configured: slack !== undefined,
    install: { available: slack !== undefined && missing.length === 0, path: SLACK_INSTALL_PATH, missing, installers: [...deps.settings.slack.installers] },
    strategy,
    ...active,
    team: installation ? { id: installation.teamId, name: installation.teamName } : null,
    bot,
    admin,
    adminProblem,
    installedAt: installation?.installedAt ?? null,
    installedByUserId: installation?.installedByUserId ?? null,
    updatedAt: installation?.updatedAt ?? null,
  };
}
