import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../errors.js';
import { authenticateBearer } from '../usecases/auth/api-tokens.js';
import { authenticateSession } from '../usecases/auth/sessions.js';
import type { Deps } from '../usecases/deps.js';
import type { Principal } from '../usecases/principal.js';
import { problem, sendProblem } from './problem.js';

export const SESSION_COOKIE = 'hikeshi_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The signed-in person's CSRF token, when the request came with a session cookie. */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call (health, login). */
    public?: boolean;
    /** Routes that check their own credential (alert webhooks carry an integration token, not an API token). */
    ownAuthentication?: boolean;
  }
}

/**
 * Authenticates every /api request: a bearer token (API token or HIKESHI_ADMIN_TOKEN) or
 * the session cookie. Cookie-authenticated writes must echo the session's CSRF token in
 * `x-csrf-token`, which a cross-site form or script cannot read.
 */
export function registerAuthentication(app: FastifyInstance, deps: Deps, adminToken: string | undefined): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config.ownAuthentication) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match ? await authenticateBearer(deps, match[1]!, adminToken) : undefined;
      if (!principal) return sendProblem(reply, problem(401, 'auth.invalid_token', 'The bearer token is not valid'));
      request.principal = principal;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await authenticateSession(deps, cookie) : undefined;
    if (session) {
      if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
        return sendProblem(reply, problem(403, 'auth.csrf', 'This request needs the x-csrf-token header of your session'));
      }
      request.principal = session.principal;
      request.csrfToken = session.csrfToken;
      return;
    }
    if (request.routeOptions.config.public) return;
    return sendProblem(reply, problem(401, 'auth.unauthenticated', 'Sign in, or send Authorization: Bearer <token>'));
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError();
  return request.principal;
}
