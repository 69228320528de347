import type { TokenStrategy } from './invite-plan.js';

/**
 * Which tokens Hikeshi actually acts with, given the configured strategy and the tokens it
 * has (the same rules as `planInvites`):
 * - `none`: no bot token, Slack is off;
 * - `bot`: the bot token does everything; guests cannot be invited;
 * - `bot_and_admin`: the bot token, and the admin's user token only to invite guests;
 * - `admin`: the admin's user token creates channels and invites everyone.
 */
export type TokenMode = 'none' | 'bot' | 'bot_and_admin' | 'admin';

export interface ActiveTokenMode {
  mode: TokenMode;
  guestsInvitable: boolean;
  /** The strategy asks for an admin token that Hikeshi does not have. */
  missingAdminToken: boolean;
}

export function activeTokenMode(strategy: TokenStrategy, hasBot: boolean, hasAdmin: boolean): ActiveTokenMode {
  const missingAdminToken = strategy !== 'bot' && !hasAdmin;
  if (!hasBot) return { mode: 'none', guestsInvitable: false, missingAdminToken };
  if (strategy === 'bot' || !hasAdmin) return { mode: 'bot', guestsInvitable: false, missingAdminToken };
  return { mode: strategy === 'user' ? 'admin' : 'bot_and_admin', guestsInvitable: true, missingAdminToken: false };
}
