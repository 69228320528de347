import { Type } from 'typebox';
import { acknowledgeAlert, resolveAlert } from '../../usecases/alerts/change-alert-status.js';
import { getAlert, listAlerts } from '../../usecases/alerts/read-alerts.js';
import { principalOf } from '../auth.js';
import { Nullable, pageOf } from '../schemas.js';
import { errorResponses, splitList, type RouteModule } from './route-types.js';

const tags = ['alerts'];
const AlertParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'Id or number' }) });
const Strings = Type.Record(Type.String(), Type.String());
const AlertEvent = Type.Object({
  id: Type.String(),
  alertId: Type.String(),
  kind: Type.String({ description: 'triggered, repeated (count folded per batch), acknowledged, resolved, routed, paged, declared, attached, not_paged, page_acknowledged, page_resolved' }),
  count: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Nullable(Type.Object({ type: Type.String(), id: Nullable(Type.String()), name: Type.String() })),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
const Alert = Type.Object(
  {
    id: Type.String(),
    number: Type.Integer(),
    integrationId: Nullable(Type.String()),
    source: Type.String(),
    dedupKey: Type.String(),
    status: Type.Union([Type.Literal('firing'), Type.Literal('acknowledged'), Type.Literal('resolved')]),
    title: Type.String(),
    summary: Type.String(),
    severity: Type.String({ description: 'critical, error, warning or info' }),
    sourceSeverity: Nullable(Type.String()),
    labels: Strings,
    annotations: Strings,
    groupKey: Nullable(Type.String()),
    links: Type.Array(Type.Object({ href: Type.String(), text: Type.Optional(Type.String()) })),
    occurrences: Type.Integer(),
    firstSeenAt: Type.String(),
    lastSeenAt: Type.String(),
    acknowledgedAt: Nullable(Type.String()),
    resolvedAt: Nullable(Type.String()),
    serviceId: Nullable(Type.String()),
    incidentId: Nullable(Type.String()),
    pageId: Nullable(Type.String()),
    routedAt: Nullable(Type.String()),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    integration: Nullable(Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() })),
    service: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    incident: Nullable(Type.Object({ id: Type.String(), reference: Type.String(), title: Type.String() })),
    page: Nullable(Type.Object({ id: Type.String(), number: Type.Integer() })),
    lastPayload: Type.Optional(Type.Unknown()),
    events: Type.Optional(Type.Array(AlertEvent)),
  },
  { additionalProperties: true },
);
const AlertListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('firing'), Type.Literal('acknowledged'), Type.Literal('resolved')], { description: 'open = firing or acknowledged; absent = all' })),
    integration: Type.Optional(Type.String({ maxLength: 1000, description: 'Integration ids or names, comma-separated' })),
    service: Type.Optional(Type.String({ maxLength: 1000, description: 'Service ids or names, comma-separated' })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Words in the title, summary or dedup key' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** Alerts after ingest: list, one with its timeline, and a person's acknowledge / resolve. */
export const alertRoutes: RouteModule = (app, deps) => {
  app.get('/api/v1/alerts', { schema: { tags, summary: 'List alerts, newest first', querystring: AlertListQuery, response: { 200: pageOf(Alert), ...errorResponses } } }, async (request) => {
    const q = request.query;
    return listAlerts(
      deps,
      { status: q.status, integrations: splitList(q.integration), services: splitList(q.service), q: q.q, limit: q.limit, cursor: q.cursor },
      principalOf(request),
    );
  });
  app.get('/api/v1/alerts/:id', { schema: { tags, summary: 'Get an alert with its last payload and timeline', params: AlertParams, response: { 200: Alert, ...errorResponses } } }, async (request) =>
    getAlert(deps, request.params.id, principalOf(request)),
  );
  app.post(
    '/api/v1/alerts/:id/acknowledge',
    { schema: { tags, summary: 'Acknowledge an alert; the page it is on is acknowledged too', params: AlertParams, response: { 200: Alert, ...errorResponses } } },
    async (request) => acknowledgeAlert(deps, principalOf(request), request.params.id),
  );
  app.post(
    '/api/v1/alerts/:id/resolve',
    { schema: { tags, summary: 'Resolve an alert; its page resolves once all of its alerts have', params: AlertParams, response: { 200: Alert, ...errorResponses } } },
    async (request) => resolveAlert(deps, principalOf(request), request.params.id),
  );
};
