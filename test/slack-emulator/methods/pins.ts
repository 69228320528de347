import { str } from '../args.js';
import { fail } from '../errors.js';
import type { EmulatedMessage } from '../model.js';
import { messageJson } from '../serialize.js';
import { both, type CallContext, type MethodTable } from './types.js';

const WRITE = both('pins:write');
const READ = both('pins:read');

function pinnedMessage(ctx: CallContext): EmulatedMessage {
  const ch = ctx.channel();
  const ts = str(ctx.args, 'timestamp');
  if (!ts) fail('no_item_specified');
  const message = ctx.ws.message(ch.id, ts);
  if (!message) fail('message_not_found');
  if (!ch.members.includes(ctx.actor.id)) fail('not_in_channel');
  return message;
}

export const pinMethods: MethodTable = {
  'pins.add': {
    tier: 2,
    channelScopes: { public: WRITE, private: WRITE, im: WRITE },
    handler: (ctx) => {
      const message = pinnedMessage(ctx);
      if (ctx.ws.pins.some((p) => p.channel === message.channel && p.ts === message.ts)) fail('already_pinned');
      ctx.ws.pins.push({ channel: message.channel, ts: message.ts, created: ctx.ws.seconds(), created_by: ctx.actor.id });
      return {};
    },
  },
  'pins.remove': {
    tier: 2,
    channelScopes: { public: WRITE, private: WRITE, im: WRITE },
    handler: (ctx) => {
      const message = pinnedMessage(ctx);
      const index = ctx.ws.pins.findIndex((p) => p.channel === message.channel && p.ts === message.ts);
      if (index < 0) fail('no_pin');
      ctx.ws.pins.splice(index, 1);
      return {};
    },
  },
  'pins.list': {
    tier: 2,
    channelScopes: { public: READ, private: READ, im: READ },
    handler: (ctx) => {
      const ch = ctx.channel();
      const items = ctx.ws.pins
        .filter((p) => p.channel === ch.id)
        .reverse()
        .map((p) => {
          const message = ctx.ws.message(p.channel, p.ts);
          return {
            type: 'message',
            created: p.created,
            created_by: p.created_by,
            channel: p.channel,
            ...(message ? { message: messageJson(ctx.ws, message) } : {}),
          };
        });
      return { items };
    },
  },
};
