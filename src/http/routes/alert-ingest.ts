import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ItemOutcome } from '../../domain/alerts/ingest-batch.js';
import { PayloadError, RateLimitedError } from '../../errors.js';
import { AlertReceiver } from '../../usecases/alerts/alert-receiver.js';
import type { IntegrationCredential } from '../../usecases/alerts/authenticate-integration.js';
import { readJsonBody, receiveAlerts } from '../../usecases/alerts/receive-alerts.js';
import { recordPagerDutyChange } from '../../usecases/integrations/record-change.js';
import type { Deps } from '../../usecases/deps.js';
import { errorHandler, toProblem } from '../problem.js';
import { Problem } from '../schemas.js';
import type { App, RouteModule } from './route-types.js';

/** Alert webhooks may carry a large Alertmanager group; PagerDuty's own limit is 512 KB. */
export const INGEST_BODY_LIMIT = 1024 * 1024;
export const PAGERDUTY_BODY_LIMIT = 512 * 1024;

const tags = ['alert ingest'];
const Accepted = Type.Object({
  accepted: Type.Integer({ description: 'Alert events in the request, all committed' }),
  alerts: Type.Array(
    Type.Object({
      id: Type.Optional(Type.String({ description: 'The alert the event landed on (absent when ignored)' })),
      dedupKey: Type.String(),
      status: Type.String({ description: 'firing, acknowledged, resolved, or ignored (acknowledge/resolve with no open alert)' }),
    }),
  ),
});
const PagerDutyAccepted = Type.Object({ status: Type.String(), message: Type.String(), dedup_key: Type.String() });
const PagerDutyChangeAccepted = Type.Object({ status: Type.String(), message: Type.String() });
const PagerDutyError = Type.Object({ status: Type.String(), message: Type.String(), errors: Type.Array(Type.String()) });
const ingestErrors = { 400: Problem, 401: Problem, 413: Problem, 429: Problem };

function bearer(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function rawBody(request: FastifyRequest): Buffer | undefined {
  return Buffer.isBuffer(request.body) ? request.body : undefined;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function ingest(deps: Deps, receiver: AlertReceiver, request: FastifyRequest, credential: IntegrationCredential, body?: { parsed: unknown }): Promise<ItemOutcome[]> {
  return receiveAlerts(deps, receiver, {
    credential,
    rawBody: rawBody(request),
    header: (name) => header(request, name),
    ...(body && { body: body.parsed }),
  });
}

function accepted(reply: FastifyReply, outcomes: ItemOutcome[]) {
  return reply.code(202).send({
    accepted: outcomes.length,
    alerts: outcomes.map((o) => ({ ...(o.alertId !== null && { id: o.alertId }), dedupKey: o.dedupKey, status: o.status })),
  });
}

/** Problem+json as everywhere, plus Retry-After on 429. */
function ingestErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
  return errorHandler(error, request, reply);
}

/** PagerDuty's own error body, `{status, message, errors[]}`, so its clients read it. */
function pagerDutyErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
  const status =
    problem.status === 429 ? 'throttle event' : problem.status === 401 ? 'invalid routing key' : problem.status >= 500 ? 'error' : 'invalid event';
  return reply.code(problem.status).send({ status, message: problem.title, errors: [problem.detail] });
}

function acceptRawBodies(scope: App, bodyLimit: number): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
}

/**
 * Alert webhooks: Hikeshi's own endpoints (token as bearer with the integration id, or in
 * the path), and PagerDuty Events v2 and Waroom compatible ones, so a monitor moves by
 * changing its URL. The answer (202) comes after the events are committed.
 */
export const alertIngestRoutes: RouteModule = (app, deps) => {
  const receiver = new AlertReceiver(deps);
  app.addHook('onClose', async () => receiver.close());
  const config = { ownAuthentication: true, public: true };

  void app.register(async (scope: App) => {
    acceptRawBodies(scope, INGEST_BODY_LIMIT);
    scope.setErrorHandler(ingestErrorHandler);
    const options = { config, logLevel: 'warn' as const, bodyLimit: INGEST_BODY_LIMIT };
    scope.post(
      '/api/v1/integrations/:integrationId/alerts',
      { ...options, schema: { tags, summary: 'Send alerts in the integration’s format (Authorization: Bearer <integration token>); 202 once committed', security: [], params: Type.Object({ integrationId: Type.String() }), response: { 202: Accepted, ...ingestErrors } } },
      async (request, reply) =>
        accepted(reply, await ingest(deps, receiver, request, { token: bearer(request), integrationId: (request.params as { integrationId: string }).integrationId })),
    );
    scope.post(
      '/hooks/:token',
      { ...options, schema: { tags, summary: 'Send alerts with the integration token in the path (for monitors that cannot set headers)', security: [], params: Type.Object({ token: Type.String() }), response: { 202: Accepted, ...ingestErrors } } },
      async (request, reply) => accepted(reply, await ingest(deps, receiver, request, { token: (request.params as { token: string }).token })),
    );
    scope.post(
      '/integrations/waroom/v1/events',
      { ...options, schema: { tags, summary: 'Waroom-compatible events endpoint (Authorization: Bearer <integration token>)', security: [], response: { 202: Accepted, ...ingestErrors } } },
      async (request, reply) => accepted(reply, await ingest(deps, receiver, request, { token: bearer(request), kind: 'waroom' })),
    );
  });

  void app.register(async (scope: App) => {
    acceptRawBodies(scope, PAGERDUTY_BODY_LIMIT);
    scope.setErrorHandler(pagerDutyErrorHandler);
    scope.post(
      '/integrations/pagerduty/v2/enqueue',
      { config, logLevel: 'warn', bodyLimit: PAGERDUTY_BODY_LIMIT, schema: { tags, summary: 'PagerDuty Events API v2 compatible: routing_key is the integration token', security: [], response: { 202: PagerDutyAccepted, 400: PagerDutyError, 401: PagerDutyError, 413: PagerDutyError, 429: PagerDutyError } } },
      async (request, reply) => {
        const body = readJsonBody(rawBody(request));
        const routingKey = typeof body === 'object' && body !== null ? (body as { routing_key?: unknown }).routing_key : undefined;
        if (typeof routingKey !== 'string' || routingKey === '') throw new PayloadError('routing_key', 'is required');
        const [outcome] = await ingest(deps, receiver, request, { token: routingKey, kind: 'pagerduty' }, { parsed: body });
        return reply.code(202).send({ status: 'success', message: 'Event processed', dedup_key: outcome!.dedupKey });
      },
    );
    scope.post(
      '/integrations/pagerduty/v2/change/enqueue',
      { config, logLevel: 'warn', bodyLimit: PAGERDUTY_BODY_LIMIT, schema: { tags, summary: 'PagerDuty change events: recorded on the integration as context, never alerts', security: [], response: { 202: PagerDutyChangeAccepted, 400: PagerDutyError, 401: PagerDutyError, 413: PagerDutyError } } },
      async (request, reply) => {
        await recordPagerDutyChange(deps, readJsonBody(rawBody(request)));
        return reply.code(202).send({ status: 'success', message: 'Change event processed' });
      },
    );
  });
};
