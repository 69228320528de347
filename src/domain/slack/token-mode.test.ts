import { describe, expect, it } from 'vitest';
import type { TokenStrategy } from './invite-plan.js';
import { activeTokenMode, type ActiveTokenMode } from './token-mode.js';

describe('activeTokenMode', () => {
  it.each<[string, TokenStrategy, boolean, boolean, ActiveTokenMode]>([
    ['auto with both tokens: bot, admin only for guests', 'auto', true, true, { mode: 'bot_and_admin', guestsInvitable: true, missingAdminToken: false }],
    ['user with both tokens: the admin token does everything', 'user', true, true, { mode: 'admin', guestsInvitable: true, missingAdminToken: false }],
    ['bot keeps to the bot token even when an admin token exists', 'bot', true, true, { mode: 'bot', guestsInvitable: false, missingAdminToken: false }],
    ['auto without an admin token falls back to the bot and says so', 'auto', true, false, { mode: 'bot', guestsInvitable: false, missingAdminToken: true }],
    ['user without an admin token falls back to the bot and says so', 'user', true, false, { mode: 'bot', guestsInvitable: false, missingAdminToken: true }],
    ['no bot token: nothing works, whatever the admin token', 'auto', false, true, { mode: 'none', guestsInvitable: false, missingAdminToken: false }],
  ])('%s', (_title, strategy, hasBot, hasAdmin, want) => {
    expect(activeTokenMode(strategy, hasBot, hasAdmin)).toEqual(want);
  });
});
