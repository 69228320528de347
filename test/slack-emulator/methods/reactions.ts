import { need, str } from '../args.js';
import { fail } from '../errors.js';
import type { EmulatedMessage } from '../model.js';
import { messageJson } from '../serialize.js';
import { both, type CallContext, type MethodTable } from './types.js';

const WRITE = both('reactions:write');
const READ = both('reactions:read');

function reactedMessage(ctx: CallContext): EmulatedMessage {
  const ch = ctx.channel();
  const ts = str(ctx.args, 'timestamp');
  if (!ts) fail('no_item_specified');
  const message = ctx.ws.message(ch.id, ts);
  if (!message) fail('message_not_found');
  return message;
}

function emojiName(ctx: CallContext): string {
  const name = need(ctx.args, 'name', 'invalid_name').replace(/^:|:$/g, '');
  if (!/^[a-z0-9_+'-]+(::skin-tone-[2-6])?$/.test(name)) fail('invalid_name');
  return name;
}

export const reactionMethods: MethodTable = {
  'reactions.add': {
    tier: 3,
    channelScopes: { public: WRITE, private: WRITE, im: WRITE },
    handler: (ctx) => {
      const message = reactedMessage(ctx);
      if (ctx.ws.channel(message.channel)?.is_archived) fail('is_archived');
      const name = emojiName(ctx);
      let reaction = message.reactions.find((r) => r.name === name);
      if (reaction?.users.includes(ctx.actor.id)) fail('already_reacted');
      if (!reaction) {
        reaction = { name, users: [] };
        message.reactions.push(reaction);
      }
      reaction.users.push(ctx.actor.id);
      return {};
    },
  },
  'reactions.remove': {
    tier: 2,
    channelScopes: { public: WRITE, private: WRITE, im: WRITE },
    handler: (ctx) => {
      const message = reactedMessage(ctx);
      const name = emojiName(ctx);
      const reaction = message.reactions.find((r) => r.name === name);
      if (!reaction?.users.includes(ctx.actor.id)) fail('no_reaction');
      reaction.users = reaction.users.filter((u) => u !== ctx.actor.id);
      if (reaction.users.length === 0) message.reactions = message.reactions.filter((r) => r !== reaction);
      return {};
    },
  },
  'reactions.get': {
    tier: 3,
    channelScopes: { public: READ, private: READ, im: READ },
    handler: (ctx) => {
      const message = reactedMessage(ctx);
      return { type: 'message', channel: message.channel, message: messageJson(ctx.ws, message) };
    },
  },
};
