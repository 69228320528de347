import { bool, need, paginate, str } from '../args.js';
import { fail } from '../errors.js';
import type { EmulatedMessage } from '../model.js';
import { channelJson, messageJson } from '../serialize.js';
import { both, type MethodTable } from './types.js';

const READ = { public: both('channels:read'), private: both('groups:read'), im: both('im:read') };
const HISTORY = { public: both('channels:history'), private: both('groups:history'), im: both('im:history') };

function inRange(m: EmulatedMessage, oldest: string | undefined, latest: string | undefined, inclusive: boolean) {
  const ts = Number(m.ts);
  if (oldest !== undefined && (inclusive ? ts < Number(oldest) : ts <= Number(oldest))) return false;
  if (latest !== undefined && (inclusive ? ts > Number(latest) : ts >= Number(latest))) return false;
  return true;
}

export const conversationReadMethods: MethodTable = {
  'conversations.info': {
    tier: 3,
    channelScopes: READ,
    handler: ({ args, actor, channel }) => ({ channel: channelJson(channel(), actor.id, bool(args, 'include_num_members')) }),
  },
  'conversations.members': {
    tier: 4,
    channelScopes: READ,
    handler: ({ args, channel }) => {
      const page = paginate(channel().members, args, 100);
      return { members: page.items, response_metadata: { next_cursor: page.nextCursor } };
    },
  },
  'conversations.list': {
    tier: 2,
    channelScopes: READ,
    handler: ({ ws, args, actor, requireScope }) => {
      const types = (str(args, 'types') ?? 'public_channel').split(',').map((t) => t.trim());
      if (types.includes('public_channel')) requireScope(READ.public);
      if (types.includes('private_channel')) requireScope(READ.private);
      if (types.includes('im')) requireScope(READ.im);
      const channels = [...ws.channels.values()].filter((c) => {
        if (bool(args, 'exclude_archived') && c.is_archived) return false;
        if (c.is_im) return types.includes('im') && c.members.includes(actor.id);
        if (c.is_private) return types.includes('private_channel') && c.members.includes(actor.id);
        return types.includes('public_channel');
      });
      const page = paginate(channels, args, 100);
      return {
        channels: page.items.map((c) => channelJson(c, actor.id, true)),
        response_metadata: { next_cursor: page.nextCursor },
      };
    },
  },
  'conversations.history': {
    tier: 3,
    channelScopes: HISTORY,
    handler: ({ ws, args, actor, channel }) => {
      const ch = channel();
      if (!ch.members.includes(actor.id)) fail('not_in_channel');
      const inclusive = bool(args, 'inclusive');
      const messages = ws
        .messagesIn(ch.id)
        .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
        .filter((m) => inRange(m, str(args, 'oldest'), str(args, 'latest'), inclusive))
        .reverse();
      const page = paginate(messages, args, 100);
      return {
        messages: page.items.map((m) => messageJson(ws, m)),
        has_more: page.nextCursor !== '',
        pin_count: ws.pins.filter((p) => p.channel === ch.id).length,
        response_metadata: { next_cursor: page.nextCursor },
      };
    },
  },
  'conversations.replies': {
    tier: 3,
    channelScopes: HISTORY,
    handler: ({ ws, args, actor, channel }) => {
      const ch = channel();
      if (!ch.members.includes(actor.id)) fail('not_in_channel');
      const ts = need(args, 'ts', 'thread_not_found');
      const parent = ws.message(ch.id, ts);
      if (!parent) fail('thread_not_found');
      const thread = ws.messagesIn(ch.id).filter((m) => m.ts === parent.ts || m.thread_ts === parent.ts);
      const page = paginate(thread, args, 100);
      return {
        messages: page.items.map((m) => messageJson(ws, m)),
        has_more: page.nextCursor !== '',
        response_metadata: { next_cursor: page.nextCursor },
      };
    },
  },
};
