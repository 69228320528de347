import type { Args } from './args.js';
import { str } from './args.js';
import { fail } from './errors.js';
import type { EmulatedToken, EmulatedUser } from './model.js';
import type { CallContext, MethodSpec, ScopeSet } from './methods/types.js';
import { requireScope } from './tokens.js';
import type { Workspace } from './workspace.js';

/** The scopes a method accepts up front: its own, or the union over conversation types. */
export function upfrontScopes(spec: MethodSpec): ScopeSet | undefined {
  if (spec.scopes) return spec.scopes;
  if (!spec.channelScopes) return undefined;
  const sets = [spec.channelScopes.public, spec.channelScopes.private, spec.channelScopes.im].filter(
    (s): s is ScopeSet => s !== undefined,
  );
  return {
    bot: [...new Set(sets.flatMap((s) => s.bot))],
    user: [...new Set(sets.flatMap((s) => s.user))],
  };
}

export function makeContext(
  ws: Workspace,
  method: string,
  spec: MethodSpec,
  args: Args,
  token: EmulatedToken,
  actor: EmulatedUser,
): CallContext {
  const check = (scopes: ScopeSet) => requireScope(token, token.kind === 'bot' ? scopes.bot : scopes.user);
  const resolveChannel = (id: string | undefined) => {
    if (!id) fail('channel_not_found');
    const channel = ws.channel(id);
    if (!channel) fail('channel_not_found');
    if (channel.is_private && !channel.members.includes(actor.id)) fail('channel_not_found');
    const byType = spec.channelScopes;
    if (byType) check(channel.is_im ? (byType.im ?? byType.private) : channel.is_private ? byType.private : byType.public);
    return channel;
  };
  return {
    ws,
    method,
    args,
    token,
    actor,
    requireScope: check,
    resolveChannel,
    channel: (key = 'channel') => resolveChannel(str(args, key)),
  };
}
