import { Type } from 'typebox';
import { readIncidentSloImpact } from '../../usecases/slos/read-incident-slo-impact.js';
import { principalOf } from '../auth.js';
import { IncidentParams } from '../postmortem-schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const SloWindowSchema = Type.Union([
  Type.Object({ kind: Type.Literal('rolling'), days: Type.Integer() }),
  Type.Object({ kind: Type.Literal('calendar'), unit: Type.Union([Type.Literal('week'), Type.Literal('month')]), timeZone: Type.String() }),
]);

const SloImpact = Type.Object({
  sloId: Type.String(),
  sloName: Type.String(),
  serviceId: Type.String(),
  window: SloWindowSchema,
  spanStart: Type.String({ format: 'date-time', description: 'Impact start (or declared, when `fallback`)' }),
  spanEnd: Type.String({ format: 'date-time', description: 'Mitigation (or resolved, when `fallback`)' }),
  fallback: Type.Boolean({ description: 'Declared / resolved stood in for a missing impact start or mitigation' }),
  bad: Type.Number({ description: 'Bad events (unit events) or bad minutes (unit minutes) the incident burnt; overlaps with other incidents split' }),
  budget: Type.Number({ description: 'The error budget of the SLO window containing the incident' }),
  share: Type.Number({ description: 'bad / budget' }),
  unit: Type.Union([Type.Literal('events'), Type.Literal('minutes')]),
  estimated: Type.Boolean({ description: 'The SLO is estimated from incidents, not measured' }),
  computedAt: Type.String({ format: 'date-time' }),
  sentence: Type.Object({ en: Type.String(), ja: Type.String() }),
});

const IncidentSloImpact = Type.Object({
  reference: Type.String(),
  impacts: Type.Array(SloImpact),
  postmortemRequired: Type.Boolean({ description: 'One SLO’s share reached `threshold` (the error-budget policy)' }),
  threshold: Type.Number(),
});

export const incidentSloImpactRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/incidents/:id/slo-impact',
    {
      schema: {
        tags: ['slos'],
        summary: 'The error budget the incident burnt on each SLO of its services (computed at mitigation)',
        params: IncidentParams,
        response: { 200: IncidentSloImpact, ...errorResponses },
      },
    },
    async (request) => readIncidentSloImpact(deps, principalOf(request), request.params.id),
  );
};
