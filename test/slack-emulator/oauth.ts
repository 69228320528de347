/** OAuth v2: `POST /api/oauth.v2.access` (code exchange) and `GET /oauth/v2/authorize` (the consent redirect). */
import { randomBytes } from 'node:crypto';
import type { Args } from './args.js';
import { str } from './args.js';
import { fail } from './errors.js';
import type { EmulatedToken, TokenKind } from './model.js';
import type { Workspace } from './workspace.js';

export interface OAuthClient {
  /** When set, `client_id` must match (`invalid_client_id`) and `client_secret` too (`bad_client_secret`). */
  clientId?: string;
  clientSecret?: string;
  /** Used by `/oauth/v2/authorize` when the request names no `redirect_uri`. */
  redirectUri?: string;
}

function scopes(value: string | null | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((s) => s !== '');
}

/** A re-install gets the same unrevoked token back, its scopes widened (as Slack does). */
function tokenFor(ws: Workspace, kind: TokenKind, userId: string, wanted: string[]): EmulatedToken {
  const existing = ws.tokens.active(kind, userId);
  if (!existing) return ws.tokens.issue(kind, userId, wanted);
  existing.scopes = [...new Set([...existing.scopes, ...wanted])];
  return existing;
}

export function oauthV2Access(ws: Workspace, args: Args, authorization: string | undefined, client: OAuthClient) {
  let clientId = str(args, 'client_id');
  let clientSecret = str(args, 'client_secret');
  if (authorization?.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
    clientId ??= id;
    clientSecret ??= secret;
  }
  if (client.clientId !== undefined && clientId !== client.clientId) fail('invalid_client_id');
  if (client.clientSecret !== undefined && clientSecret !== client.clientSecret) fail('bad_client_secret');
  const code = str(args, 'code');
  const grant = code ? ws.oauthCodes.get(code) : undefined;
  if (!code || !grant) fail('invalid_code');
  const redirectUri = str(args, 'redirect_uri');
  if (grant.redirectUri && redirectUri !== undefined && redirectUri !== grant.redirectUri) fail('bad_redirect_uri');
  ws.oauthCodes.delete(code);
  if (grant.botScopes.length === 0 && grant.userScopes.length === 0) fail('no_scopes');

  const answer: Record<string, unknown> = { app_id: ws.appId };
  if (grant.botScopes.length > 0) {
    const bot = tokenFor(ws, 'bot', ws.botUser.id, grant.botScopes);
    Object.assign(answer, { access_token: bot.token, token_type: 'bot', scope: bot.scopes.join(','), bot_user_id: bot.userId });
  }
  const authedUser: Record<string, unknown> = { id: grant.installerUserId };
  if (grant.userScopes.length > 0) {
    const user = tokenFor(ws, 'user', grant.installerUserId, grant.userScopes);
    Object.assign(authedUser, { scope: user.scopes.join(','), access_token: user.token, token_type: 'user' });
  }
  return {
    ...answer,
    authed_user: authedUser,
    team: { id: ws.team.id, name: ws.team.name },
    enterprise: null,
    is_enterprise_install: false,
  };
}

export interface AuthorizeResult {
  status: number;
  location?: string;
  body?: string;
}

/**
 * Slack's consent screen, already accepted: redirects to `redirect_uri` with a fresh `code` and the
 * `state`. Emulator-only query parameters: `emulator_user=<user id>` (who installs; default
 * `settings.installerUserId`, else the first owner) and `emulator_deny=1` (`error=access_denied`).
 */
export function authorize(ws: Workspace, query: URLSearchParams, client: OAuthClient): AuthorizeResult {
  if (client.clientId !== undefined && query.get('client_id') !== client.clientId) {
    return { status: 400, body: 'invalid_client_id' };
  }
  const redirectUri = query.get('redirect_uri') ?? client.redirectUri;
  if (!redirectUri) return { status: 400, body: 'bad_redirect_uri' };
  const target = new URL(redirectUri);
  const state = query.get('state');
  if (state !== null) target.searchParams.set('state', state);
  if (query.get('emulator_deny')) {
    target.searchParams.set('error', 'access_denied');
    return { status: 302, location: target.toString() };
  }
  const installer =
    query.get('emulator_user') ??
    ws.settings.installerUserId ??
    [...ws.users.values()].find((u) => u.is_owner && !u.deleted)?.id;
  if (!installer || !ws.user(installer)) return { status: 400, body: 'no installing user: pass emulator_user' };
  const code = `emu-${randomBytes(12).toString('hex')}`;
  ws.registerOAuthCode(code, {
    installerUserId: installer,
    botScopes: scopes(query.get('scope')),
    userScopes: scopes(query.get('user_scope')),
    redirectUri: query.get('redirect_uri') ?? undefined,
  });
  target.searchParams.set('code', code);
  return { status: 302, location: target.toString() };
}
