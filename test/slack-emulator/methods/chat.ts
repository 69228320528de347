import { json, need, str } from '../args.js';
import { fail } from '../errors.js';
import type { EmulatedChannel } from '../model.js';
import { messageJson } from '../serialize.js';
import { both, type CallContext, type MethodTable } from './types.js';

const WRITE = both('chat:write');

/** `channel` may be a conversation id, a `#name`, or a user id (the DM with that user). */
function target(ctx: CallContext): EmulatedChannel {
  const raw = need(ctx.args, 'channel', 'channel_not_found');
  const user = ctx.ws.user(raw);
  if (user) {
    if (user.deleted) fail('channel_not_found');
    return ctx.ws.imBetween(ctx.actor.id, user.id);
  }
  if (!ctx.ws.channel(raw)) {
    const named = ctx.ws.channelByName(raw);
    if (named) return ctx.resolveChannel(named.id);
  }
  return ctx.resolveChannel(raw);
}

/** A bot may post to a public channel it is not in only with `chat:write.public`. */
function mayPost(ctx: CallContext, ch: EmulatedChannel): void {
  if (ch.members.includes(ctx.actor.id)) return;
  if (!ch.is_private && ctx.token.kind === 'bot' && ctx.token.scopes.includes('chat:write.public')) return;
  fail('not_in_channel');
}

function content(ctx: CallContext): { text: string; blocks?: unknown[]; attachments?: unknown[] } {
  const blocks = json(ctx.args, 'blocks', 'invalid_blocks_format');
  if (blocks !== undefined && !Array.isArray(blocks)) fail('invalid_blocks');
  const attachments = json(ctx.args, 'attachments', 'invalid_attachments');
  if (attachments !== undefined && !Array.isArray(attachments)) fail('invalid_attachments');
  if (Array.isArray(attachments) && attachments.length > 100) fail('too_many_attachments');
  const text = str(ctx.args, 'text') ?? '';
  if (text === '' && !blocks && !attachments) fail('no_text');
  return { text, ...(blocks ? { blocks } : {}), ...(attachments ? { attachments } : {}) };
}

export const chatMethods: MethodTable = {
  'chat.postMessage': {
    tier: 'special',
    channelScopes: { public: WRITE, private: WRITE, im: WRITE },
    handler: (ctx) => {
      const ch = target(ctx);
      if (ch.is_archived) fail('is_archived');
      mayPost(ctx, ch);
      const body = content(ctx);
      const message = ctx.ws.addMessage({
        channel: ch.id,
        user: ctx.actor.id,
        text: body.text,
        blocks: body.blocks,
        thread_ts: str(ctx.args, 'thread_ts') || undefined,
      });
      if (body.attachments) message.attachments = body.attachments;
      const metadata = json(ctx.args, 'metadata', 'invalid_metadata_format');
      if (metadata !== undefined) message.metadata = metadata;
      return { channel: ch.id, ts: message.ts, message: messageJson(ctx.ws, message) };
    },
  },
  'chat.update': {
    tier: 3,
    channelScopes: { public: WRITE, private: WRITE, im: WRITE },
    handler: (ctx) => {
      const ch = ctx.channel();
      const message = ctx.ws.message(ch.id, need(ctx.args, 'ts', 'message_not_found'));
      if (!message) fail('message_not_found');
      if (ch.is_archived) fail('is_inactive');
      if (message.user !== ctx.actor.id) fail('cant_update_message');
      const text = str(ctx.args, 'text');
      const blocks = json(ctx.args, 'blocks', 'invalid_blocks_format');
      if (blocks !== undefined && !Array.isArray(blocks)) fail('invalid_blocks');
      if (text === undefined && blocks === undefined) fail('no_text');
      if (Array.isArray(blocks)) message.blocks = blocks;
      else if (text !== undefined) delete message.blocks; // Slack drops old blocks when only text is sent
      if (text !== undefined) message.text = text;
      if (!Array.isArray(blocks)) message.edited = { user: ctx.actor.id, ts: ctx.ws.nextTs() };
      return { channel: ch.id, ts: message.ts, text: message.text, message: messageJson(ctx.ws, message) };
    },
  },
  'chat.delete': {
    tier: 3,
    channelScopes: { public: WRITE, private: WRITE, im: WRITE },
    handler: (ctx) => {
      const ch = ctx.channel();
      const ts = need(ctx.args, 'ts', 'message_not_found');
      const index = ctx.ws.messages.findIndex((m) => m.channel === ch.id && m.ts === ts);
      if (index < 0) fail('message_not_found');
      if (ctx.ws.messages[index]!.user !== ctx.actor.id) fail('cant_delete_message');
      ctx.ws.messages.splice(index, 1);
      return { channel: ch.id, ts };
    },
  },
  'chat.postEphemeral': {
    tier: 4,
    channelScopes: { public: WRITE, private: WRITE, im: WRITE },
    handler: (ctx) => {
      const ch = target(ctx);
      if (ch.is_archived) fail('is_archived');
      mayPost(ctx, ch);
      const user = need(ctx.args, 'user', 'user_not_in_channel');
      if (!ch.members.includes(user)) fail('user_not_in_channel');
      const body = content(ctx);
      const messageTs = ctx.ws.nextTs();
      ctx.ws.ephemerals.push({
        message_ts: messageTs,
        channel: ch.id,
        user,
        from: ctx.actor.id,
        text: body.text,
        blocks: body.blocks,
        thread_ts: str(ctx.args, 'thread_ts') || undefined,
      });
      return { message_ts: messageTs };
    },
  },
  'chat.getPermalink': {
    tier: 'special',
    handler: (ctx) => {
      const ch = ctx.channel();
      const message = ctx.ws.message(ch.id, need(ctx.args, 'message_ts', 'message_not_found'));
      if (!message) fail('message_not_found');
      const base = `https://${ctx.ws.team.domain}.slack.com/archives/${ch.id}/p${message.ts.replace('.', '')}`;
      const reply = message.thread_ts && message.thread_ts !== message.ts;
      return { channel: ch.id, permalink: reply ? `${base}?thread_ts=${message.thread_ts}&cid=${ch.id}` : base };
    },
  },
};
