import type { WebClient } from '@slack/web-api';
import type { TokenKind, TokenStrategy } from '../../domain/slack/invite-plan.js';
import { PermanentError } from '../../jobs/errors.js';
import type { Deps } from '../../usecases/deps.js';
import { SlackApiError, callSlack } from '../client.js';
import type { SlackRuntime } from '../runtime.js';

/** A token Hikeshi acts with, and who Slack says it is. */
export interface SlackActor {
  kind: TokenKind;
  client: WebClient;
  /** The bot user or the admin user the token acts as. */
  userId: string;
}

const IDENTITY_TTL_MS = 10 * 60_000;

/**
 * What the channel-automation jobs share: the use-case deps, the Slack runtime, and the
 * bot's identity (auth.test, cached briefly). The admin token is only ever the verified
 * admin credential, asked for explicitly where an admin is needed.
 */
export class SlackAutomation {
  private botIdentity: { token: string; userId: string; expires: number } | undefined;

  constructor(
    readonly deps: Deps,
    readonly runtime: SlackRuntime,
    private readonly now: () => number = Date.now,
  ) {}

  get settings(): Deps['settings']['slack'] {
    return this.deps.settings.slack;
  }

  get strategy(): TokenStrategy {
    return this.settings.tokenStrategy;
  }

  async bot(): Promise<SlackActor> {
    const token = await this.runtime.credentials.botToken();
    if (!token) throw new PermanentError('Slack has no bot token: set SLACK_BOT_TOKEN or install the app');
    const client = this.runtime.client(token);
    const cached = this.botIdentity;
    if (cached && cached.token === token && cached.expires > this.now()) return { kind: 'bot', client, userId: cached.userId };
    const identity = await callSlack('auth.test', () => client.auth.test());
    if (!identity.user_id) throw new PermanentError('Slack auth.test did not name the bot user');
    this.botIdentity = { token, userId: identity.user_id, expires: this.now() + IDENTITY_TTL_MS };
    return { kind: 'bot', client, userId: identity.user_id };
  }

  /** The verified workspace admin's token, unless the strategy is `bot` or there is none. */
  async admin(): Promise<SlackActor | undefined> {
    if (this.strategy === 'bot') return undefined;
    const credential = await this.runtime.credentials.adminCredential();
    return credential && { kind: 'admin', client: this.runtime.client(credential.token), userId: credential.userId };
  }
}

/** The automation for the job handlers, or undefined when Slack is not configured. */
export function slackAutomation(jobDeps: { deps: Deps; slack?: SlackRuntime }): SlackAutomation | undefined {
  return jobDeps.slack ? new SlackAutomation(jobDeps.deps, jobDeps.slack) : undefined;
}

export function requireAutomation(automation: SlackAutomation | undefined): SlackAutomation {
  if (!automation) throw new PermanentError('Slack is not configured (no SLACK_BOT_TOKEN and no OAuth client)');
  return automation;
}

/** Someone removed the bot from the channel: it joins again (public channels) and carries on. */
export async function asMember<T>(bot: SlackActor, channelId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof SlackApiError && error.error === 'not_in_channel')) throw error;
    await callSlack('conversations.join', () => bot.client.conversations.join({ channel: channelId }));
    return call();
  }
}
