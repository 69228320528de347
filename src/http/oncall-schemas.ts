import { Type } from 'typebox';
import { CreateScheduleSchema, LayerFields, OverrideInputSchema, SpanSchema as Span, UpdateScheduleSchema } from '../usecases/oncall/schedule-input-schema.js';
import { DateTime, Nullable, Problem } from './schemas.js';

/**
 * On-call schedules. Input shapes are the use case's (`schedule-input-schema.ts`, shared
 * with the CLI); values are checked by the domain, which answers 422 naming the field.
 */
const Str = (description?: string) => Type.String(description ? { description } : {});

export const CreateScheduleBody = CreateScheduleSchema;
export const UpdateScheduleBody = UpdateScheduleSchema;
export const AddOverrideBody = OverrideInputSchema;

const ShiftSource = Type.Object({ layerId: Type.Optional(Type.String()), overrideId: Type.Optional(Type.String()) });
const Layer = Type.Object({
  ...LayerFields,
  id: Type.String(),
  name: Type.String(),
  participants: Type.Optional(Type.Array(Type.String(), { description: 'User ids' })),
  shifts: Type.Optional(Type.Array(Span(Type.String()))),
});
const Override = Type.Object({ id: Type.String(), userId: Type.String(), start: DateTime, end: DateTime });

export const Schedule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  timeZone: Type.String(),
  teamId: Nullable(Type.String()),
  handoffTime: Type.String(),
  rotaColumns: Type.Record(Type.String(), Type.String()),
  layers: Type.Array(Layer),
  overrides: Type.Array(Override),
  revision: Type.Integer({ description: 'Grows by one with every change' }),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export { Override };

export const ScheduleParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200, description: 'Schedule id or name' }) });
export const OverrideParams = Type.Object({ id: ScheduleParams.properties.id, overrideId: Type.String({ minLength: 1, maxLength: 64 }) });
export const ScheduleListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    teamId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

const Person = Type.Object({ id: Type.String(), name: Type.String(), email: Nullable(Type.String()), slackUserId: Nullable(Type.String()) });
const Handover = Type.Object({ at: DateTime, from: Nullable(Person), to: Nullable(Person) }, { description: 'When the person on call changes (null: a gap)' });
const ScheduleRef = Type.Object({ id: Type.String(), name: Type.String(), timeZone: Type.String() });

export const OnCallQuery = Type.Object(
  {
    at: Type.Optional(Str('ISO 8601 instant with Z or an offset (default now)')),
    schedule: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Schedule id or name' })),
    team: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Team id or name: the schedules naming it' })),
    service: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Service id or name: its owning team's schedules" })),
    escalationPolicy: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Escalation policy id or name: whom its level 1 reaches, and the schedules it reads' })),
  },
  { additionalProperties: false },
);
export const OnCallAnswer = Type.Object({
  at: DateTime,
  items: Type.Array(
    Type.Object({
      schedule: ScheduleRef,
      team: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
      user: Nullable(Person),
      source: Nullable(ShiftSource),
      until: Nullable(DateTime),
      nextHandoff: Nullable(Handover),
      problem: Type.Optional(Type.String()),
    }),
  ),
  escalationPolicy: Type.Optional(
    Type.Object(
      {
        id: Type.String(),
        name: Type.String(),
        level: Type.Literal(1),
        people: Type.Array(Person),
        webhooks: Type.Array(Type.String()),
        problems: Type.Array(Type.String(), { description: 'Targets that reach no one now' }),
      },
      { description: 'When the query names an escalation policy: whom a page to it reaches first' },
    ),
  ),
});

export const ShiftsQuery = Type.Object(
  { from: Type.Optional(Str('ISO 8601 instant (default now)')), to: Type.Optional(Str('ISO 8601 instant (default from + 7 days; at most 731 days)')) },
  { additionalProperties: false },
);
export const ScheduleShifts = Type.Object({
  schedule: ScheduleRef,
  from: DateTime,
  to: DateTime,
  shifts: Type.Array(Type.Object({ user: Person, start: DateTime, end: DateTime, source: ShiftSource })),
  gaps: Type.Array(Type.Object({ start: DateTime, end: DateTime })),
  nextHandoff: Nullable(Handover),
});

const Mode = Type.Union([Type.Literal('overrides'), Type.Literal('layer')], { description: 'overrides (default): above the layers; layer: the schedule\'s own rota layer' });
const Role = Type.Union([Type.Literal('primary'), Type.Literal('secondary')], { description: 'Which column feeds this schedule (default primary)' });
export const ImportJsonBody = Type.Object(
  { csv: Type.String({ minLength: 0, maxLength: 1_000_000 }), mode: Type.Optional(Mode), role: Type.Optional(Role), dryRun: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const ImportQuery = Type.Object(
  { mode: Type.Optional(Mode), role: Type.Optional(Role), dryRun: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
const LineProblem = Type.Object({
  line: Type.Integer(),
  code: Type.String({ description: 'unknown_person, ambiguous_person, bad_date, overlapping_shift, missing_column, …' }),
  column: Type.Optional(Type.String()),
  value: Type.Optional(Type.String()),
  message: Type.String(),
});
export const ImportResult = Type.Object({
  schedule: Type.Object({ id: Type.String(), name: Type.String() }),
  mode: Mode,
  role: Role,
  format: Type.Union([Type.Literal('daily'), Type.Literal('timed')]),
  dryRun: Type.Boolean(),
  complete: Type.Boolean(),
  applied: Type.Integer({ description: 'Shifts applied (one per usable row)' }),
  replaced: Type.Integer({ description: 'Earlier imported shifts cut back where this rota has someone' }),
  otherRoleShifts: Type.Integer(),
  problems: Type.Array(LineProblem, { description: 'Rows not applied, by line' }),
  ignoredColumns: Type.Array(Type.String()),
});
export const RotaRefusal = Type.Object(
  { ...Problem.properties, problems: Type.Optional(Type.Array(LineProblem)) },
  { description: 'oncall.rota_refused: the file was not applied and the schedule is unchanged; problems lists every line' },
);

export const CalendarToken = Type.Object({
  token: Type.String({ description: 'Shown only in this answer; only its hash is kept' }),
  path: Type.String(),
  url: Type.String({ description: 'Subscribe to this address in a calendar app; a new token replaces the old one' }),
});
export const CalendarParams = Type.Object({ file: Type.String({ maxLength: 200, description: '<token>.ics' }) });
