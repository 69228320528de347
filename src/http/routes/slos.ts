import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { deleteSlo, importSlos, saveSlo } from '../../usecases/slos/manage-slos.js';
import { pushSliEvents } from '../../usecases/slos/push-sli-events.js';
import { getSlo, listSlos } from '../../usecases/slos/read-slos.js';
import { SloRefusedError } from '../../usecases/slos/slo-errors.js';
import { principalOf } from '../auth.js';
import { problem } from '../problem.js';
import { SliPushBody, SliPushed, SloDetail, SloDocumentBody, SloImportBody, SloImported, SloList, SloListQuery, SloParams, SloRefused, SloSummary } from '../slo-schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const tags = ['slos'];

/** SLOs (files of the slos folder, or saved here), their status, imports and pushed SLI minutes. */
export const sloRoutes: RouteModule = (app, deps) => {
  app.get('/api/v1/slos', { schema: { tags, summary: 'List SLOs (optionally of one service)', querystring: SloListQuery, response: { 200: SloList, ...errorResponses } } },
    async (request) => listSlos(deps, principalOf(request), { serviceId: request.query.serviceId }));
  app.get('/api/v1/slos/:id', { schema: { tags, summary: "An SLO with its status now: attainment, budget left, burn rates, projected exhaustion, gaps; estimated SLOs say so", params: SloParams, response: { 200: SloDetail, ...errorResponses } } },
    async (request) => getSlo(deps, request.params.id, principalOf(request)));
  app.post('/api/v1/slos', { schema: { tags, summary: 'Create (or replace) an SLO from a Hikeshi SLO document (admin); 422 lists the problems; an SLO of the slos folder answers 409', body: SloDocumentBody, response: { 200: SloSummary, 201: SloSummary, ...errorResponses, 422: SloRefused } } },
    async (request, reply) => {
      try {
        const saved = await saveSlo(deps, request.body, principalOf(request));
        return reply.code(saved.created ? 201 : 200).send(saved.slo);
      } catch (error) {
        return sendRefused(reply, error);
      }
    });
  app.put('/api/v1/slos/:id', { schema: { tags, summary: 'Create or replace the SLO of this id (admin); an SLO of the slos folder answers 409 naming its file', params: SloParams, body: SloDocumentBody, response: { 200: SloSummary, 201: SloSummary, ...errorResponses, 422: SloRefused } } },
    async (request, reply) => {
      try {
        const saved = await saveSlo(deps, request.body, principalOf(request), request.params.id);
        return reply.code(saved.created ? 201 : 200).send(saved.slo);
      } catch (error) {
        return sendRefused(reply, error);
      }
    });
  app.delete('/api/v1/slos/:id', { schema: { tags, summary: 'Delete an SLO saved through the API, with its SLI data (admin)', params: SloParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await deleteSlo(deps, request.params.id, principalOf(request));
      return reply.code(204).send(null);
    });
  app.post('/api/v1/slos/import', { schema: { tags, summary: 'Import OpenSLO v1, Sloth prometheus/v1 or Hikeshi SLO YAML (admin): all or none; 422 names file, line and field of every problem', body: SloImportBody, response: { 200: SloImported, ...errorResponses, 422: SloRefused } } },
    async (request, reply) => {
      try {
        return await importSlos(deps, request.body, principalOf(request));
      } catch (error) {
        return sendRefused(reply, error);
      }
    });
  app.post('/api/v1/slos/:id/events', { schema: { tags, summary: "Push per-minute good/total buckets (responder): one transaction, a minute sent again replaces it; 422 names buckets[i].field and why", params: SloParams, body: SliPushBody, response: { 200: SliPushed, ...errorResponses } } },
    async (request) => pushSliEvents(deps, request.params.id, request.body.buckets, principalOf(request)));
};

/** A refused SLO document answers 422 with every problem (file, line, field); other errors go to the error handler. */
function sendRefused(reply: FastifyReply, error: unknown): FastifyReply {
  if (!(error instanceof SloRefusedError)) throw error;
  return reply.code(422).type('application/problem+json').send({ ...problem(422, error.code, error.message), problems: [...error.problems] });
}
