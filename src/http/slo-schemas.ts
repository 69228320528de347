import { Type } from 'typebox';
import { MAX_BUCKETS_PER_PUSH } from '../domain/slo/pushed-buckets.js';

export const SloParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 63 }) });
export const SloListQuery = Type.Object({ serviceId: Type.Optional(Type.String({ minLength: 1 })) });

export const SloSummary = Type.Object({
  id: Type.String(),
  service: Type.String(),
  serviceId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  objective: Type.Number({ description: 'A fraction in (0, 1): 0.999 is 99.9 %' }),
  window: Type.Unknown({ description: '{kind: rolling, days} or {kind: calendar, unit: week|month, timeZone}' }),
  budgeting: Type.Unknown({ description: '{kind: occurrences} or {kind: timeslices, sliceTarget}' }),
  indicator: Type.Unknown({ description: '{type: ratio} or {type: latency, thresholdMs}' }),
  source: Type.Unknown({ description: '{kind: prometheus, good|bad, total}, {kind: prometheus-ratio, errorRatio}, {kind: push} or {kind: incidents}' }),
  origin: Type.Union([Type.Literal('file'), Type.Literal('api')]),
  file: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const SloList = Type.Object({ items: Type.Array(SloSummary) });
export const SloDetail = Type.Object({
  ...SloSummary.properties,
  status: Type.Unknown({
      description:
        'Now: window {start, end}, attainment (null without data), unit events|minutes, budget, consumed, remaining, remainingFraction, coverage, health (healthy|at_risk|exhausted|no_data), totals, burn {state, rates by 5m/30m/1h/6h/3d, checks}, exhaustionAt, estimated, gaps, pull',
  }),
});

export const SloDocumentBody = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 63, description: 'Lowercase letters, digits and dashes; PUT takes it from the path' })),
    service: Type.String({ minLength: 1, description: 'A service of the catalog, by name' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 1050 })),
    objective: Type.Number({ description: 'Percent, strictly between 0 and 100' }),
    window: Type.String({ description: '7d | 28d | 30d (rolling) or week | month (calendar)' }),
    timeZone: Type.Optional(Type.String({ description: 'IANA zone of a calendar window (default UTC)' })),
    budgeting: Type.Optional(Type.String({ description: 'occurrences (default) or timeslices' })),
    sliceTarget: Type.Optional(Type.Number({ description: 'Timeslices: percent a minute must reach to be good (default the objective)' })),
    sli: Type.Record(Type.String(), Type.Unknown(), { description: '{type: ratio|latency, threshold?, and prometheus: {good|bad, total} | {errorRatio}, push: true or estimate: incidents}' }),
  },
  { additionalProperties: false, description: 'A Hikeshi SLO document as JSON; see docs/slos.md' },
);
export const SloImportBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 500_000, description: 'YAML: OpenSLO v1, Sloth prometheus/v1 or Hikeshi SLO documents' }),
    file: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The file name problems are reported against' })),
  },
  { additionalProperties: false },
);
export const SloImported = Type.Object({ items: Type.Array(SloSummary), created: Type.Array(Type.String()), updated: Type.Array(Type.String()) });
export const SloRefused = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  problems: Type.Array(
    Type.Object({ file: Type.String(), line: Type.Optional(Type.Integer()), column: Type.Optional(Type.Integer()), path: Type.String(), message: Type.String() }),
  ),
});

export const SliPushBody = Type.Object(
  {
    buckets: Type.Array(
      Type.Object(
        {
          start: Type.String({ description: 'The minute\'s start, RFC 3339, on a whole minute: 2026-11-20T09:15:00Z' }),
          good: Type.Number(),
          total: Type.Number(),
        },
        { additionalProperties: false },
      ),
      { maxItems: MAX_BUCKETS_PER_PUSH },
    ),
  },
  { additionalProperties: false },
);
export const SliPushed = Type.Object({ accepted: Type.Integer({ description: 'Minutes stored (a minute sent twice counts once)' }) });
