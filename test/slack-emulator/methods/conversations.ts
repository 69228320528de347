import { bool, list, str } from '../args.js';
import { fail } from '../errors.js';
import { channelJson } from '../serialize.js';
import { validateChannelName } from './channel-names.js';
import { both, type MethodTable, type ScopeSet } from './types.js';

const PUBLIC_MANAGE: ScopeSet = { bot: ['channels:manage', 'channels:write'], user: ['channels:write'] };
const PRIVATE_MANAGE = both('groups:write');

export const conversationMethods: MethodTable = {
  'conversations.create': {
    tier: 2,
    channelScopes: { public: PUBLIC_MANAGE, private: PRIVATE_MANAGE },
    handler: ({ ws, args, actor, requireScope }) => {
      const isPrivate = bool(args, 'is_private');
      requireScope(isPrivate ? PRIVATE_MANAGE : PUBLIC_MANAGE);
      const name = validateChannelName(str(args, 'name'));
      // Guests cannot create channels: "A team (workspace) preference prevents the authenticated user from creating channels."
      if (actor.is_restricted) fail('restricted_action');
      if (ws.channelByName(name)) fail('name_taken');
      const channel = ws.addChannel({ name, is_private: isPrivate, members: [actor.id], creator: actor.id });
      return { channel: channelJson(channel, actor.id) };
    },
  },
  'conversations.join': {
    tier: 3,
    channelScopes: { public: { bot: ['channels:join'], user: ['channels:write'] }, private: both() },
    handler: ({ actor, channel }) => {
      const ch = channel();
      if (ch.is_im || ch.is_private) fail('method_not_supported_for_channel_type');
      if (ch.is_archived) fail('is_archived');
      if (ch.members.includes(actor.id)) {
        return {
          channel: channelJson(ch, actor.id),
          warning: 'already_in_channel',
          response_metadata: { warnings: ['already_in_channel'] },
        };
      }
      ch.members.push(actor.id);
      return { channel: channelJson(ch, actor.id) };
    },
  },
  'conversations.setTopic': {
    tier: 2,
    channelScopes: {
      public: { bot: ['channels:manage', 'channels:write.topic', 'channels:write'], user: ['channels:write', 'channels:write.topic'] },
      private: both('groups:write', 'groups:write.topic'),
      im: both('im:write', 'im:write.topic'),
    },
    handler: ({ ws, args, actor, channel }) => {
      const ch = channel();
      if (ch.is_archived) fail('is_archived');
      if (!ch.members.includes(actor.id)) fail('not_in_channel');
      const topic = str(args, 'topic') ?? '';
      if ([...topic].length > 250) fail('too_long');
      ch.topic = { value: topic, creator: actor.id, last_set: ws.seconds() };
      return { channel: channelJson(ch, actor.id) };
    },
  },
  'conversations.archive': {
    tier: 2,
    channelScopes: { public: PUBLIC_MANAGE, private: PRIVATE_MANAGE, im: both('im:write') },
    handler: ({ actor, channel }) => {
      const ch = channel();
      if (ch.is_im) fail('method_not_supported_for_channel_type');
      if (ch.is_archived) fail('already_archived');
      if (ch.is_general) fail('cant_archive_general');
      if (!ch.members.includes(actor.id)) fail('not_in_channel');
      if (actor.is_restricted) fail('restricted_action');
      ch.is_archived = true;
      return {};
    },
  },
  'conversations.open': {
    tier: 3,
    scopes: both('im:write', 'mpim:write'),
    handler: ({ ws, args, actor, channel }) => {
      if (str(args, 'channel')) return { channel: { id: channel().id } };
      const users = list(args, 'users');
      if (users.length === 0) fail('users_list_not_supplied');
      if (users.length > 1) fail('method_not_supported_for_channel_type');
      const other = ws.user(users[0]!);
      if (!other || other.deleted) fail('user_not_found');
      const existed = ws.findIm(actor.id, other.id) !== undefined;
      const im = ws.imBetween(actor.id, other.id);
      const answer = bool(args, 'return_im') ? channelJson(im, actor.id) : { id: im.id };
      return existed ? { no_op: true, already_open: true, channel: answer } : { channel: answer };
    },
  },
};
