import { Type } from 'typebox';
import { INCIDENT_ROLES } from '../../domain/incidents/incident.js';
import { INCIDENT_STATUSES, STATUS_TRANSITIONS } from '../../domain/incidents/status.js';
import { authorize } from '../../usecases/principal.js';
import { principalOf } from '../auth.js';
import { FieldDefinition } from '../field-schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

export const VERSION = '0.1.0';

export const metaRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/meta',
    {
      schema: {
        tags: ['meta'],
        summary: 'Severities, statuses and their allowed moves, roles',
        response: {
          200: Type.Object({
            severities: Type.Array(Type.String()),
            statuses: Type.Array(Type.String()),
            transitions: Type.Record(Type.String(), Type.Array(Type.String())),
            roles: Type.Array(Type.String()),
            fields: Type.Array(FieldDefinition, { description: 'The custom incident fields (facts) the settings file declares' }),
            inquiriesField: Type.Union([Type.String(), Type.Null()], { description: 'The field inquiries count into; null when not counted' }),
            version: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      authorize(principalOf(request), 'viewer');
      return {
        severities: deps.settings.severities,
        statuses: [...INCIDENT_STATUSES],
        transitions: Object.fromEntries(Object.entries(STATUS_TRANSITIONS).map(([from, to]) => [from, [...to]])),
        roles: [...INCIDENT_ROLES],
        fields: deps.settings.fields,
        inquiriesField: deps.settings.inquiries.field,
        version: VERSION,
      };
    },
  );
};
