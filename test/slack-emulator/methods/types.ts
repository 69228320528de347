import type { Args } from '../args.js';
import type { EmulatedChannel, EmulatedToken, EmulatedUser, TokenKind } from '../model.js';
import type { Workspace } from '../workspace.js';

export type Answer = Record<string, unknown>;

/** Scopes accepted (any one of) for a bot token and for a user token. */
export interface ScopeSet {
  bot: readonly string[];
  user: readonly string[];
}

/** Slack's rate-limit tiers (docs.slack.dev/apis/web-api/rate-limits). */
export type Tier = 1 | 2 | 3 | 4 | 'special';

export interface CallContext {
  ws: Workspace;
  method: string;
  args: Args;
  token: EmulatedToken;
  /** Who the token acts as: the bot user for a bot token. */
  actor: EmulatedUser;
  /** `missing_scope` unless the token holds one of these (bot or user list by token kind). */
  requireScope(scopes: ScopeSet): void;
  /**
   * Resolves `args[key]` (default `channel`) to a conversation the caller can see
   * (`channel_not_found` otherwise: private channels are invisible to non-members)
   * and checks the method's scopes for that conversation type.
   */
  channel(key?: string): EmulatedChannel;
  /** As `channel()`, for an id already in hand. */
  resolveChannel(id: string | undefined): EmulatedChannel;
}

export interface MethodSpec {
  tier: Tier;
  /** Checked before the handler; absent = no scope needed. */
  scopes?: ScopeSet;
  /** Scopes by conversation type, checked by `ctx.channel()`; their union is checked up front. */
  channelScopes?: { public: ScopeSet; private: ScopeSet; im?: ScopeSet };
  /** Token kinds allowed (default bot and user); others get `not_allowed_token_type`. */
  tokens?: readonly TokenKind[];
  handler(ctx: CallContext): Answer | Promise<Answer>;
}

export type MethodTable = Record<string, MethodSpec>;

/** The same scopes for bot and user tokens. */
export function both(...scopes: string[]): ScopeSet {
  return { bot: scopes, user: scopes };
}
