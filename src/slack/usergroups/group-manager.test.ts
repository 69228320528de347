import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { PermanentError, RetryableError } from '../../jobs/errors.js';
import type { SlackActor, SlackAutomation } from '../automation/automation.js';
import { SlackApiError } from '../client.js';
import { asGroupManager, UserGroupsRefusedError } from './group-manager.js';

const bot: SlackActor = { kind: 'bot', client: {} as WebClient, userId: 'U0BOT' };
const admin: SlackActor = { kind: 'admin', client: {} as WebClient, userId: 'U0ADAM' };

/** A stand-in for the automation: which strategy, and whether an admin token is stored. */
function automation(strategy: 'bot' | 'user' | 'auto', withAdmin = true): SlackAutomation {
  return {
    strategy,
    bot: async () => bot,
    admin: async () => (strategy === 'bot' || !withAdmin ? undefined : admin),
  } as unknown as SlackAutomation;
}

/** Records who was asked; each actor answers with what `answers` says for its kind. */
function call(answers: Partial<Record<SlackActor['kind'], Error | string>>) {
  const asked: string[] = [];
  const run = async (actor: SlackActor) => {
    asked.push(actor.kind);
    const answer = answers[actor.kind];
    if (answer instanceof Error) throw answer;
    return answer ?? 'done';
  };
  return { asked, run };
}

const denied = new SlackApiError('usergroups.users.update', 'permission_denied');

describe('asGroupManager', () => {
  it('uses the bot token when the workspace lets everyone manage user groups', async () => {
    const { asked, run } = call({});
    await expect(asGroupManager(automation('auto'), run)).resolves.toEqual({ value: 'done', via: 'the bot token' });
    expect(asked).toEqual(['bot']);
  });

  it.each<[string, Error]>([
    ['permission_denied (admins-only workspace, Slack\'s default)', denied],
    ['missing_scope, which callSlack makes permanent', new PermanentError('Slack usergroups.users.update: missing_scope')],
  ])('falls back to the admin user token on %s', async (_title, refusal) => {
    const { asked, run } = call({ bot: refusal });
    await expect(asGroupManager(automation('auto'), run)).resolves.toEqual({ value: 'done', via: 'the admin user token (Slack user U0ADAM)' });
    expect(asked).toEqual(['bot', 'admin']);
  });

  it('tries the admin token first under tokenStrategy user', async () => {
    const { asked, run } = call({});
    await asGroupManager(automation('user'), run);
    expect(asked).toEqual(['admin']);
  });

  it('never uses the admin token under tokenStrategy bot, and says so', async () => {
    const { asked, run } = call({ bot: denied });
    const refused = asGroupManager(automation('bot'), run);
    await expect(refused).rejects.toBeInstanceOf(UserGroupsRefusedError);
    await expect(refused).rejects.toThrow('the bot token: permission_denied; the admin token is not used (tokenStrategy: bot)');
    expect(asked).toEqual(['bot']);
  });

  it('names both refusals and the Slack setting when neither token may', async () => {
    const { run } = call({ bot: denied, admin: denied });
    await expect(asGroupManager(automation('auto'), run)).rejects.toThrow(
      /the bot token: permission_denied; the admin user token \(Slack user U0ADAM\): permission_denied\)\. Slack: Tools & settings > Workspace settings > Permissions > User Groups/,
    );
  });

  it('does not try another token after a rate limit or any other error', async () => {
    const limited = new RetryableError('Slack usergroups.users.update: rate limited', 30_000);
    const { asked, run } = call({ bot: limited });
    await expect(asGroupManager(automation('auto'), run)).rejects.toBe(limited);
    const invalid = call({ bot: new SlackApiError('usergroups.users.update', 'invalid_user') });
    await expect(asGroupManager(automation('auto'), invalid.run)).rejects.toThrow('invalid_user');
    expect([...asked, ...invalid.asked]).toEqual(['bot', 'bot']);
  });
});
