import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { acknowledgePage } from '../../usecases/paging/acknowledge-page.js';
import { createPolicy, deletePolicy, updatePolicy } from '../../usecases/paging/manage-policies.js';
import { getPage, listPages } from '../../usecases/paging/read-pages.js';
import { getPolicy, listPolicies } from '../../usecases/paging/read-policies.js';
import { resolvePage } from '../../usecases/paging/resolve-page.js';
import { triggerPage } from '../../usecases/paging/trigger-page.js';
import { principalOf } from '../auth.js';
import { Page, PageListQuery, PageParams, Policy, PolicyBody, PolicyListQuery, PolicyParams, TriggerPageBody, TriggerPageHeaders } from '../paging-schemas.js';
import { pageOf } from '../schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const tags = ['paging'];
/** A signed-in browser session is the web app; a bearer token is the API. */
const via = (request: FastifyRequest) => (request.csrfToken ? 'web' : 'api');

/** Escalation policies (admin writes) and pages: trigger (responder), read, acknowledge, resolve. */
export const pagingRoutes: RouteModule = (app, deps) => {
  app.get('/api/v1/escalation-policies', { schema: { tags, summary: 'List escalation policies by name', querystring: PolicyListQuery, response: { 200: pageOf(Policy), ...errorResponses } } },
    async (request) => listPolicies(deps, request.query, principalOf(request)));
  app.post('/api/v1/escalation-policies', { schema: { tags, summary: 'Create an escalation policy (admin); a bad value answers 422 naming the field, e.g. levels[1].targets[0].id', body: PolicyBody, response: { 201: Policy, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createPolicy(deps, request.body, principalOf(request))));
  app.get('/api/v1/escalation-policies/:id', { schema: { tags, summary: 'Get an escalation policy by id or name', params: PolicyParams, response: { 200: Policy, ...errorResponses } } },
    async (request) => getPolicy(deps, request.params.id, principalOf(request)));
  app.put('/api/v1/escalation-policies/:id', { schema: { tags, summary: 'Replace an escalation policy (admin); pages under way keep the levels they started with', params: PolicyParams, body: PolicyBody, response: { 200: Policy, ...errorResponses } } },
    async (request) => updatePolicy(deps, request.params.id, request.body, principalOf(request)));
  app.delete('/api/v1/escalation-policies/:id', { schema: { tags, summary: 'Delete an escalation policy (admin); 409 while open pages use it', params: PolicyParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await deletePolicy(deps, request.params.id, principalOf(request));
      return reply.code(204).send(null);
    });

  app.post('/api/v1/pages', { schema: { tags, summary: 'Page an escalation policy, a schedule\'s on-call or a person (responder); level 1 is notified at once. A retry with the same Idempotency-Key answers the page already made', headers: TriggerPageHeaders, body: TriggerPageBody, response: { 201: Page, ...errorResponses } } },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      // Keys are the caller's own: two callers choosing the same key still make two pages.
      const principal = principalOf(request);
      const requestKey = key === undefined ? undefined : `api:${principal.actor.type}:${principal.actor.id ?? '-'}:${key}`;
      return reply.code(201).send(await triggerPage(deps, principal, { ...request.body, source: via(request), ...(requestKey && { requestKey }) }));
    });
  app.get('/api/v1/pages', { schema: { tags, summary: 'List pages, newest first, with their notifications', querystring: PageListQuery, response: { 200: pageOf(Page), ...errorResponses } } },
    async (request) => listPages(deps, principalOf(request), request.query));
  app.get('/api/v1/pages/:id', { schema: { tags, summary: 'Get a page by id or number, with its notifications and record of events', params: PageParams, response: { 200: Page, ...errorResponses } } },
    async (request) => getPage(deps, principalOf(request), request.params.id));
  app.post('/api/v1/pages/:id/acknowledge', { schema: { tags, summary: 'Acknowledge a page: escalation stops (responder). Again: 200 unchanged; a resolved page: 409', params: PageParams, response: { 200: Page, ...errorResponses } } },
    async (request) => acknowledgePage(deps, principalOf(request), request.params.id, via(request)));
  app.post('/api/v1/pages/:id/resolve', { schema: { tags, summary: 'Resolve a page (responder); again: 200 unchanged', params: PageParams, response: { 200: Page, ...errorResponses } } },
    async (request) => resolvePage(deps, principalOf(request), request.params.id, via(request)));
};
