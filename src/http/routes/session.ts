import { Type } from 'typebox';
import { createApiToken, listApiTokens, revokeApiToken } from '../../usecases/auth/api-tokens.js';
import { logIn, logOut } from '../../usecases/auth/sessions.js';
import { getUserById } from '../../usecases/catalog/users.js';
import { SESSION_COOKIE, principalOf } from '../auth.js';
import { problem, sendProblem } from '../problem.js';
import { ApiToken, CreateTokenBody, IdParams, LoginBody, Problem, SessionView } from '../schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

export function sessionRoutes(secureCookies: boolean): RouteModule {
  return (app, deps) => {
    const tags = ['session'];
    app.post(
      '/api/v1/session',
      { config: { public: true }, schema: { tags, summary: 'Sign in with email and password', body: LoginBody, response: { 200: SessionView, 401: Problem, 400: Problem } } },
      async (request, reply) => {
        const session = await logIn(deps, request.body.email, request.body.password);
        reply.setCookie(SESSION_COOKIE, session.sessionToken, {
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookies,
          path: '/',
          expires: new Date(session.expiresAt),
        });
        return { user: session.user, csrfToken: session.csrfToken };
      },
    );

    app.get(
      '/api/v1/session',
      { schema: { tags, summary: 'The signed-in person and their CSRF token', response: { 200: SessionView, ...errorResponses } } },
      async (request, reply) => {
        const principal = principalOf(request);
        if (!principal.userId || !request.csrfToken) {
          return sendProblem(reply, problem(401, 'auth.no_session', 'This request is not made with a web session'));
        }
        return { user: await getUserById(deps, principal.userId, principal), csrfToken: request.csrfToken };
      },
    );

    app.delete('/api/v1/session', { schema: { tags, summary: 'Sign out', response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logOut(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    });
  };
}

export const tokenRoutes: RouteModule = (app, deps) => {
  const tags = ['api tokens'];
  app.get('/api/v1/tokens', { schema: { tags, summary: 'List API tokens (admin)', response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...errorResponses } } },
    async (request) => ({ items: await listApiTokens(deps, principalOf(request)) }));
  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (admin); the token is shown only in this answer',
        body: CreateTokenBody,
        response: { 201: Type.Object({ token: Type.String(), record: ApiToken }), ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiToken(deps, request.body, principalOf(request))),
  );
  app.delete('/api/v1/tokens/:id', { schema: { tags, summary: 'Revoke an API token (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await revokeApiToken(deps, request.params.id, principalOf(request));
      return reply.code(204).send(null);
    });
};
