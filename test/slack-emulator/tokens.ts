import { randomBytes } from 'node:crypto';
import { fail } from './errors.js';
import type { EmulatedToken, EmulatedUser, TokenKind } from './model.js';

const PREFIX: Record<TokenKind, string> = { bot: 'xoxb', user: 'xoxp', app: 'xapp' };

/** Token registry: bot (`xoxb-`), user (`xoxp-`) and app-level (`xapp-`) tokens with their scopes. */
export class TokenStore {
  readonly byToken = new Map<string, EmulatedToken>();

  constructor(
    private readonly teamId: string,
    private readonly now: () => number,
  ) {}

  issue(kind: TokenKind, userId: string, scopes: readonly string[]): EmulatedToken {
    const secret = randomBytes(12).toString('hex');
    const token = `${PREFIX[kind]}-${this.teamId}-${userId || 'A'}-${secret}`;
    const record: EmulatedToken = { token, kind, userId, scopes: [...new Set(scopes)], revoked: false, created: this.now() };
    this.byToken.set(token, record);
    return record;
  }

  /** The newest unrevoked token of this kind for this user (Slack re-installs hand back the same token). */
  active(kind: TokenKind, userId: string): EmulatedToken | undefined {
    return [...this.byToken.values()].reverse().find((t) => t.kind === kind && t.userId === userId && !t.revoked);
  }

  revoke(token: string): void {
    const record = this.byToken.get(token);
    if (record) record.revoked = true;
  }
}

/**
 * Authenticates a token as Slack does: `not_authed` without one, `invalid_auth` for an unknown one,
 * `token_revoked` once revoked, `account_inactive` when its user was deactivated.
 */
export function authenticate(
  tokens: TokenStore,
  token: string | undefined,
  users: ReadonlyMap<string, EmulatedUser>,
): EmulatedToken {
  if (!token) fail('not_authed');
  const record = tokens.byToken.get(token);
  if (!record) fail('invalid_auth');
  if (record.revoked) fail('token_revoked');
  if (record.kind !== 'app' && users.get(record.userId)?.deleted) fail('account_inactive');
  return record;
}

/** `missing_scope` with `needed` and `provided` unless the token holds one of `anyOf`. */
export function requireScope(token: EmulatedToken, anyOf: readonly string[]): void {
  if (anyOf.length === 0 || anyOf.some((scope) => token.scopes.includes(scope))) return;
  fail('missing_scope', { needed: anyOf[0], provided: token.scopes.join(',') });
}
