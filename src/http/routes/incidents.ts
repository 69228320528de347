import { Type } from 'typebox';
import { addTimelineEntry } from '../../usecases/incidents/add-timeline-entry.js';
import { declareIncident } from '../../usecases/incidents/declare-incident.js';
import { recordInquiry } from '../../usecases/incidents/record-inquiry.js';
import { getIncident, listIncidents, listTimeline } from '../../usecases/incidents/read-incidents.js';
import { updateIncident } from '../../usecases/incidents/update-incident.js';
import { principalOf } from '../auth.js';
import { Inquiry, InquiryBody } from '../field-schemas.js';
import {
  DeclareIncidentBody,
  Incident,
  IncidentListQuery,
  TimelineEntryBody,
  TimelineEvent,
  UpdateIncidentBody,
  pageOf,
} from '../schemas.js';
import { errorResponses, splitList, type RouteModule } from './route-types.js';

const tags = ['incidents'];
const IncidentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'Id, reference (INC-12) or number' }) });

export const incidentRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/v1/incidents',
    { schema: { tags, summary: 'Declare an incident', body: DeclareIncidentBody, response: { 201: Incident, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await declareIncident(deps, request.body, principalOf(request))),
  );

  app.get(
    '/api/v1/incidents',
    {
      schema: {
        tags,
        summary: 'List incidents, newest first',
        querystring: IncidentListQuery,
        response: { 200: pageOf(Incident), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return listIncidents(
        deps,
        {
          statuses: splitList(q.status),
          severities: splitList(q.severity),
          services: splitList(q.service),
          declaredFrom: q.declaredFrom,
          declaredTo: q.declaredTo,
          text: q.q,
          cursor: q.cursor,
          limit: q.limit,
        },
        principalOf(request),
      );
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    { schema: { tags, summary: 'Get an incident', params: IncidentParams, response: { 200: Incident, ...errorResponses } } },
    async (request) => getIncident(deps, request.params.id, principalOf(request)),
  );

  app.patch(
    '/api/v1/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Change an incident (status, severity, roles, fields); each change is written to the timeline',
        params: IncidentParams,
        body: UpdateIncidentBody,
        response: { 200: Incident, ...errorResponses },
      },
    },
    async (request) => updateIncident(deps, request.params.id, request.body, principalOf(request)),
  );

  app.get(
    '/api/v1/incidents/:id/timeline',
    {
      schema: {
        tags,
        summary: 'The incident timeline, oldest first',
        params: IncidentParams,
        response: { 200: Type.Object({ items: Type.Array(TimelineEvent) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listTimeline(deps, request.params.id, principalOf(request)) }),
  );

  app.post(
    '/api/v1/incidents/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Add a note or a status update',
        params: IncidentParams,
        body: TimelineEntryBody,
        response: { 201: TimelineEvent, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await addTimelineEntry(deps, request.params.id, request.body, principalOf(request))),
  );

  app.post(
    '/api/v1/incidents/:id/inquiries',
    {
      schema: {
        tags,
        summary: 'Count one more customer-support inquiry (a helpdesk webhook); a ticket id already counted answers 200 with the first answer',
        params: IncidentParams,
        body: InquiryBody,
        response: { 201: Inquiry, 200: Inquiry, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { inquiry, created } = await recordInquiry(deps, request.params.id, request.body, principalOf(request));
      return reply.code(created ? 201 : 200).send(inquiry);
    },
  );
};

