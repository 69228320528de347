import { Type } from 'typebox';
import { createIntegration, deleteIntegration, rotateIntegrationToken, updateIntegration } from '../../usecases/integrations/manage-integrations.js';
import { integrationConfig, listIntegrations, showIntegration } from '../../usecases/integrations/read-integrations.js';
import { principalOf } from '../auth.js';
import { Integration, IntegrationConfig, IntegrationCreateBody, IntegrationParams, IntegrationPatchBody, IntegrationWithToken } from '../integration-schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const tags = ['integrations'];

/** Integrations (admin writes): a monitor's way in, with its own token and routing rules. */
export const integrationRoutes: RouteModule = (app, deps) => {
  app.get('/api/v1/integrations', { schema: { tags, summary: 'List integrations by name (tokens as their last 4 characters)', response: { 200: Type.Object({ items: Type.Array(Integration) }), ...errorResponses } } },
    async (request) => ({ items: await listIntegrations(deps, principalOf(request)) }));
  app.post('/api/v1/integrations', { schema: { tags, summary: 'Create an integration (admin); the answer carries its token, shown this once', body: IntegrationCreateBody, response: { 201: IntegrationWithToken, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createIntegration(deps, request.body, principalOf(request))));
  app.get('/api/v1/integrations/:id', { schema: { tags, summary: 'Get an integration with its ingest URLs', params: IntegrationParams, response: { 200: Integration, ...errorResponses } } },
    async (request) => showIntegration(deps, request.params.id, principalOf(request)));
  app.get('/api/v1/integrations/:id/config', { schema: { tags, summary: 'What to paste into the monitor: URLs, Datadog’s payload template and headers, the severity table', params: IntegrationParams, response: { 200: IntegrationConfig, ...errorResponses } } },
    async (request) => integrationConfig(deps, request.params.id, principalOf(request)));
  app.patch('/api/v1/integrations/:id', { schema: { tags, summary: 'Change an integration (admin): name, Grafana signing, rate limit, routes', params: IntegrationParams, body: IntegrationPatchBody, response: { 200: Integration, ...errorResponses } } },
    async (request) => updateIntegration(deps, request.params.id, request.body, principalOf(request)));
  app.post('/api/v1/integrations/:id/rotate-token', { schema: { tags, summary: 'Replace the token (admin); the old one stops working, the new one is shown this once', params: IntegrationParams, response: { 200: IntegrationWithToken, ...errorResponses } } },
    async (request) => rotateIntegrationToken(deps, request.params.id, principalOf(request)));
  app.delete('/api/v1/integrations/:id', { schema: { tags, summary: 'Delete an integration (admin); its alerts stay as history', params: IntegrationParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await deleteIntegration(deps, request.params.id, principalOf(request));
      return reply.code(204).send(null);
    });
};
