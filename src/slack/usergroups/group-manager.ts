import { PermanentError } from '../../jobs/errors.js';
import type { SlackActor, SlackAutomation } from '../automation/automation.js';
import { SlackApiError } from '../client.js';

/**
 * Who may change user groups is a workspace setting (reference §6): by default only admins
 * and owners, and then a bot token gets `permission_denied`. A change is tried with the bot
 * token first and, when refused, with the verified workspace admin's user token (the one
 * Hikeshi keeps for inviting guests); `tokenStrategy: user` tries the admin first, `bot`
 * never uses it.
 */

/** Where to change the setting, for the warning when neither token may. */
export const USERGROUP_SETTING =
  'Slack: Tools & settings > Workspace settings > Permissions > User Groups: let everyone (except guests) create and change user groups, ' +
  'or have a workspace admin or owner install Hikeshi so that it keeps an admin user token';

/** Refusals another token may not get; anything else (a 429, a bad argument) is not retried with it. */
const REFUSALS = new Set(['permission_denied', 'missing_scope', 'not_allowed_token_type']);

export class UserGroupsRefusedError extends Error {
  constructor(readonly refusals: string[]) {
    super(`Slack refused to let Hikeshi manage user groups (${refusals.join('; ')}). ${USERGROUP_SETTING}.`);
    this.name = 'UserGroupsRefusedError';
  }
}

export interface Managed<T> {
  value: T;
  /** Which token did it, in words, for the sync status. */
  via: string;
}

export async function asGroupManager<T>(slack: SlackAutomation, call: (actor: SlackActor) => Promise<T>): Promise<Managed<T>> {
  const bot = await slack.bot();
  const admin = await slack.admin();
  const actors = slack.strategy === 'user' ? [admin, bot] : [bot, admin];
  const refusals: string[] = [];
  for (const actor of actors) {
    if (!actor) continue;
    try {
      return { value: await call(actor), via: describe(actor) };
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      refusals.push(`${describe(actor)}: ${refusal}`);
    }
  }
  if (!admin) refusals.push(slack.strategy === 'bot' ? 'the admin token is not used (tokenStrategy: bot)' : 'no workspace admin token is stored');
  throw new UserGroupsRefusedError(refusals);
}

function describe(actor: SlackActor): string {
  return actor.kind === 'bot' ? 'the bot token' : `the admin user token (Slack user ${actor.userId})`;
}

/** The Slack error code when it is a refusal of this token; `callSlack` makes scope errors permanent. */
function refusalOf(error: unknown): string | undefined {
  if (error instanceof SlackApiError) return REFUSALS.has(error.error) ? error.error : undefined;
  if (error instanceof PermanentError) {
    const code = /: ([a-z_]+)$/.exec(error.message)?.[1];
    return code && REFUSALS.has(code) ? code : undefined;
  }
  return undefined;
}
