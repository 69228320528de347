import { Type } from 'typebox';

const L = <T extends string>(value: T) => Type.Literal(value);
const Fraction = Type.Union([Type.Number(), Type.Null()], { description: 'A fraction (0.25 = 25 %); null when there is no data, never shown as 100 %' });
const Stats = Type.Object(
  { p50: Type.Union([Type.Number(), Type.Null()]), p90: Type.Union([Type.Number(), Type.Null()]), n: Type.Integer(), from: Type.String(), to: Type.String() },
  { description: 'Milliseconds between the two moments named; p50 and p90 over n incidents, never a mean' },
);
const DayParts = Type.Object({ business: Type.Integer(), off: Type.Integer(), sleep: Type.Integer(), total: Type.Integer() });

export const WeeklyReviewQuery = Type.Object(
  {
    week: Type.Optional(Type.String({ description: 'ISO week, e.g. 2026-W48, in reports.timeZone; the last complete week when absent' })),
    team: Type.Optional(Type.String({ minLength: 1, description: 'A team’s name: its services’ SLOs, incidents and follow-ups, and its members’ pages' })),
    service: Type.Optional(Type.String({ minLength: 1, description: 'A service’s name' })),
    format: Type.Optional(Type.Union([L('json'), L('markdown'), L('md')], { description: 'markdown (or Accept: text/markdown) answers the Markdown export' })),
    lang: Type.Optional(Type.Union([L('en'), L('ja')], { description: 'The Markdown’s language' })),
  },
  { additionalProperties: false },
);

export const WeeklyReview = Type.Object(
  {
    week: Type.String(),
    scope: Type.Object({ kind: Type.Union([L('organisation'), L('team'), L('service')]), team: Type.Optional(Type.String()), service: Type.Optional(Type.String()) }),
    period: Type.Object({ start: Type.String(), end: Type.String(), timeZone: Type.String() }),
    complete: Type.Boolean({ description: 'False while the week runs: figures stop at generatedAt' }),
    generatedAt: Type.String(),
    slos: Type.Array(
      Type.Object({
        sloId: Type.String(),
        name: Type.String(),
        service: Type.String(),
        objective: Type.Number(),
        unit: Type.Union([L('events'), L('minutes')]),
        attainment: Fraction,
        budgetRemaining: Fraction,
        burntThisWeek: Fraction,
        burntLastWeek: Fraction,
        attainmentChange: Fraction,
        budgetRemainingChange: Fraction,
        status: Type.Union([L('healthy'), L('at_risk'), L('exhausted'), L('no_data')]),
        coverage: Type.Number(),
        projectedExhaustion: Type.Union([Type.String(), Type.Null()]),
        budget: Type.Number(),
        badThisWeek: Type.Number(),
      }),
    ),
    burndown: Type.Object({
      step: Type.Union([L('hour'), L('day')]),
      points: Type.Array(Type.Number(), { description: 'Epoch milliseconds' }),
      series: Type.Array(Type.Object({ sloId: Type.String(), name: Type.String(), remaining: Type.Array(Type.Union([Type.Number(), Type.Null()])) })),
      bands: Type.Array(Type.Object({ incidentId: Type.String(), reference: Type.String(), start: Type.Number(), end: Type.Number() })),
    }),
    attribution: Type.Array(
      Type.Object({
        sloId: Type.String(),
        unit: Type.Union([L('events'), L('minutes')]),
        bad: Type.Number(),
        budget: Type.Number(),
        incidents: Type.Array(
          Type.Object({ incidentId: Type.String(), reference: Type.String(), bad: Type.Number(), share: Fraction, partial: Type.Boolean(), postmortemRequired: Type.Boolean(), estimated: Type.Boolean() }),
        ),
        unattributed: Type.Object({ bad: Type.Number(), share: Fraction }),
      }),
    ),
    incidents: Type.Object({
      declaredBySeverity: Type.Record(Type.String(), Type.Integer()),
      lines: Type.Array(
        Type.Object({
          id: Type.String(),
          reference: Type.String(),
          title: Type.String(),
          severity: Type.String(),
          status: Type.String(),
          services: Type.Array(Type.String()),
          declaredAt: Type.String(),
          impactStartedAt: Type.Union([Type.String(), Type.Null()]),
          mitigatedAt: Type.Union([Type.String(), Type.Null()]),
          resolvedAt: Type.Union([Type.String(), Type.Null()]),
          carriedOver: Type.Boolean(),
          durations: Type.Object({ timeToAcknowledge: Type.Union([Type.Number(), Type.Null()]), timeToMitigate: Type.Union([Type.Number(), Type.Null()]), timeToResolve: Type.Union([Type.Number(), Type.Null()]) }),
          budget: Type.Array(Type.Object({ sloId: Type.String(), share: Type.Number(), estimated: Type.Boolean() })),
          postmortem: Type.Object({ status: Type.String(), required: Type.Boolean() }),
        }),
      ),
      durations: Type.Object({ timeToAcknowledge: Stats, timeToMitigate: Stats, timeToResolve: Stats }),
    }),
    paging: Type.Object({
      interruptions: DayParts,
      hoursWithInterruption: Type.Integer(),
      responders: Type.Array(Type.Intersect([Type.Object({ userId: Type.String(), name: Type.String() }), DayParts])),
    }),
    followUps: Type.Object({
      opened: Type.Integer(),
      closed: Type.Integer(),
      overdue: Type.Integer(),
      overdueItems: Type.Array(
        Type.Object({ id: Type.String(), incidentId: Type.String(), reference: Type.String(), title: Type.String(), ownerName: Type.Union([Type.String(), Type.Null()]), dueDate: Type.String(), daysOverdue: Type.Integer() }),
      ),
    }),
    postmortemsDue: Type.Object({
      count: Type.Integer(),
      items: Type.Array(
        Type.Object({ incidentId: Type.String(), reference: Type.String(), title: Type.String(), severity: Type.String(), status: Type.String(), reasons: Type.Array(Type.Union([L('severity'), L('budget')])), ageDays: Type.Integer() }),
      ),
    }),
    noData: Type.Object({ slos: Type.Boolean(), incidents: Type.Boolean(), paging: Type.Boolean() }),
  },
  { description: 'One ISO week in reports.timeZone for a scope' },
);
