/**
 * conversations.invite with Slack's guest rules. Error names come from the method's documented
 * errors (reference §1.2/§1.3; slack_kit priv/docs/methods/conversations.invite.json):
 * - a single-channel guest already in a channel: `ura_max_channels`;
 * - a bot token inviting any guest: `settings.botGuestInviteError`, default `user_is_restricted`
 *   ("An invited user is a guest user that is restricted from accessing this conversation");
 * - a non-admin user token inviting a guest: `user_is_restricted` (only admins/owners manage guests);
 * - the caller is not in the channel: `not_in_channel` (private channels: `channel_not_found`);
 * - a single-channel guest calling: `user_is_ultra_restricted` (older slack-api-ref list);
 *   a multi-channel guest calling: `restricted_action`.
 * When any invitee fails nobody is invited and the answer carries `errors: [{user, ok:false, error}]`;
 * with `force=true` the valid ones are invited and the answer is ok with the same `errors` array.
 */
import { bool, list } from '../args.js';
import { fail } from '../errors.js';
import type { EmulatedChannel, EmulatedToken, EmulatedUser } from '../model.js';
import { channelJson } from '../serialize.js';
import type { Workspace } from '../workspace.js';
import { both, type MethodTable } from './types.js';

function inviteeError(
  ws: Workspace,
  channel: EmulatedChannel,
  actor: EmulatedUser,
  token: EmulatedToken,
  userId: string,
): string | undefined {
  const user = ws.user(userId);
  if (!user || user.deleted) return 'user_not_found';
  if (userId === actor.id) return 'cant_invite_self';
  if (channel.members.includes(userId)) return 'already_in_channel';
  if (user.is_ultra_restricted && ws.channelsOf(userId).length >= 1) return 'ura_max_channels';
  if (user.is_restricted) {
    if (token.kind === 'bot') return ws.settings.botGuestInviteError;
    if (!actor.is_admin && !actor.is_owner) return 'user_is_restricted';
  }
  return undefined;
}

export const inviteMethods: MethodTable = {
  'conversations.invite': {
    tier: 3,
    channelScopes: {
      public: { bot: ['channels:manage', 'channels:write.invites'], user: ['channels:write', 'channels:write.invites'] },
      private: both('groups:write', 'groups:write.invites'),
      im: both('im:write'),
    },
    handler: ({ ws, args, actor, token, channel }) => {
      const ch = channel();
      if (ch.is_archived) fail('is_archived');
      if (ch.is_im) fail('method_not_supported_for_channel_type');
      if (actor.is_ultra_restricted) fail('user_is_ultra_restricted');
      if (actor.is_restricted) fail('restricted_action');
      if (!ch.members.includes(actor.id)) fail('not_in_channel');
      const users = list(args, 'users');
      if (users.length === 0) fail('no_user');
      if (users.length > 1000) fail('too_many_users');
      const results = users.map((user) => ({ user, error: inviteeError(ws, ch, actor, token, user) }));
      const errors = results
        .filter((r): r is { user: string; error: string } => r.error !== undefined)
        .map((r) => ({ user: r.user, ok: false, error: r.error }));
      if (errors.length > 0 && !bool(args, 'force')) fail(errors[0]!.error, { errors });
      for (const r of results) if (!r.error) ch.members.push(r.user);
      return errors.length > 0 ? { channel: channelJson(ch, actor.id), errors } : { channel: channelJson(ch, actor.id) };
    },
  },
};
