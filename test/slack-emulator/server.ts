/** The HTTP side: Slack's wire format at `POST /api/<method>`, plus `GET /oauth/v2/authorize`. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Args } from './args.js';
import { str } from './args.js';
import { makeContext, upfrontScopes } from './context.js';
import { SlackApiError, fail } from './errors.js';
import { methods } from './methods/index.js';
import type { TokenKind } from './model.js';
import { authorize, oauthV2Access, type OAuthClient } from './oauth.js';
import type { FailureQueue, TierLimiter } from './rate-limits.js';
import { authenticate, requireScope } from './tokens.js';
import type { Workspace } from './workspace.js';

export interface CallRecord {
  method: string;
  /** The kind of token the call carried, or null when it had none or an unknown one. */
  tokenKind: TokenKind | null;
  /** The user (bot user for bot tokens) the token acts as. */
  userId?: string;
  /** Arguments as received (form values are strings, e.g. `blocks` is JSON text); `token` left out. */
  args: Args;
  status: number;
  answer: Record<string, unknown>;
  at: number;
}

export interface ServerDeps {
  ws: Workspace;
  failures: FailureQueue;
  limiter: TierLimiter;
  calls: CallRecord[];
  latencyMs: () => number;
  oauth: OAuthClient;
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown> | string;
}

const MAX_BODY = 5 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SlackApiError('request_too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Query string plus body; a JSON body's `token` is ignored (Slack wants the header for JSON). */
function parseArgs(req: IncomingMessage, url: URL, body: string): { args: Args; formToken?: string } {
  const args: Args = Object.fromEntries(url.searchParams);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = body === '' ? {} : JSON.parse(body);
    } catch {
      fail('invalid_json');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) fail('json_not_object');
    const { token: _ignored, ...rest } = parsed as Args;
    return { args: { ...args, ...rest }, formToken: str(args, 'token') };
  }
  if (type.startsWith('multipart/')) fail('invalid_form_data');
  Object.assign(args, Object.fromEntries(new URLSearchParams(body)));
  return { args, formToken: str(args, 'token') };
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

async function callMethod(deps: ServerDeps, method: string, req: IncomingMessage, url: URL, record: CallRecord): Promise<Reply> {
  const { ws } = deps;
  const headers: Record<string, string> = {};
  try {
    const { args, formToken } = parseArgs(req, url, await readBody(req));
    const { token: _token, ...logged } = args;
    record.args = logged;

    const presented = ws.tokens.byToken.get(bearer(req) ?? formToken ?? '');
    record.tokenKind = presented?.kind ?? null;
    record.userId = presented?.userId || undefined;

    const failure = deps.failures.take(method);
    if (failure && 'error' in failure) fail(failure.error, failure.extra);
    if (failure && failure.status === 429) {
      const retryAfter = 'retryAfter' in failure && failure.retryAfter !== undefined ? failure.retryAfter : 1;
      return { status: 429, headers: { 'retry-after': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
    }
    if (failure) return { status: failure.status, headers: {}, body: ('body' in failure && failure.body) || 'emulated failure' };

    if (method === 'oauth.v2.access') {
      return { status: 200, headers, body: { ok: true, ...oauthV2Access(ws, args, req.headers.authorization, deps.oauth) } };
    }
    if (method === 'api.test') return { status: 200, headers, body: { ok: true, args: logged } };
    const spec = methods[method];
    if (!spec) fail('unknown_method', { req_method: method });

    const token = authenticate(ws.tokens, bearer(req) ?? formToken, ws.users);
    headers['x-oauth-scopes'] = token.scopes.join(',');
    if (!(spec.tokens ?? ['bot', 'user']).includes(token.kind)) fail('not_allowed_token_type');
    const actor = ws.user(token.userId);
    if (!actor) fail('invalid_auth');

    const retryAfter = deps.limiter.check(method, spec.tier, str(args, 'channel'));
    if (retryAfter !== undefined) {
      return { status: 429, headers: { ...headers, 'retry-after': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
    }
    const scopes = upfrontScopes(spec);
    if (scopes) {
      const accepted = token.kind === 'bot' ? scopes.bot : scopes.user;
      headers['x-accepted-oauth-scopes'] = accepted.join(',');
      requireScope(token, accepted);
    }
    const answer = await spec.handler(makeContext(ws, method, spec, args, token, actor));
    return { status: 200, headers, body: { ok: true, ...answer } };
  } catch (error) {
    if (error instanceof SlackApiError) return { status: 200, headers, body: { ok: false, error: error.code, ...error.extra } };
    console.error(`slack emulator: ${method} crashed`, error);
    return { status: 200, headers, body: { ok: false, error: 'internal_error' } };
  }
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const delay = deps.latencyMs();
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

  if (req.method === 'GET' && url.pathname === '/oauth/v2/authorize') {
    const result = authorize(deps.ws, url.searchParams, deps.oauth);
    res.writeHead(result.status, result.location ? { location: result.location } : { 'content-type': 'text/plain' });
    res.end(result.body ?? '');
    return;
  }
  const match = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
  if (!match || (req.method !== 'POST' && req.method !== 'GET')) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  const method = match[1]!;
  const record: CallRecord = { method, tokenKind: null, args: {}, status: 0, answer: {}, at: deps.ws.now() };
  const reply = await callMethod(deps, method, req, url, record);
  record.status = reply.status;
  record.answer = typeof reply.body === 'string' ? { body: reply.body } : reply.body;
  deps.calls.push(record);
  const isJson = typeof reply.body !== 'string';
  res.writeHead(reply.status, {
    'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain',
    ...reply.headers,
  });
  res.end(isJson ? JSON.stringify(reply.body) : reply.body);
}

export function createEmulatorServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      console.error('slack emulator: request failed', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}
