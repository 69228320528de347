import { Type, type TSchema } from 'typebox';

/**
 * The shape of a schedule as clients write it (API body, `schedule create --file`): types
 * only. Values (zones, HH:mm times, dates, rotation units, instants with offsets) are
 * checked by the domain, which names the field.
 */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Str = (description?: string) => Type.String(description ? { description } : {});
const Instant = Str('ISO 8601 date-time with Z or an offset');
const PersonKey = Type.String({ minLength: 1, maxLength: 254, description: 'A user id, email or Slack user id' });

const WeeklyWindow = Type.Object(
  { fromDay: Type.Integer({ description: '1 = Monday … 7 = Sunday' }), from: Str('HH:mm'), toDay: Type.Integer(), to: Str('HH:mm') },
  { additionalProperties: false },
);
export const RestrictionSchema = Type.Object(
  {
    kind: Str('daily or weekly'),
    from: Type.Optional(Str('HH:mm (daily)')),
    to: Type.Optional(Str('HH:mm (daily); at or before from runs past midnight')),
    windows: Type.Optional(Type.Array(WeeklyWindow, { maxItems: 50 })),
  },
  { additionalProperties: false, description: "When the layer is active, in the schedule's zone" },
);
export const SpanSchema = <T extends TSchema>(user: T) => Type.Object({ userId: user, start: Instant, end: Instant }, { additionalProperties: false });

export const LayerFields = {
  kind: Type.Optional(Type.Union([Type.Literal('rotation'), Type.Literal('explicit')], { description: 'rotation (default) or explicit shifts' })),
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  name: Type.Optional(Type.String({ maxLength: 120 })),
  participants: Type.Optional(Type.Array(PersonKey, { maxItems: 200, description: 'In turn order (rotation)' })),
  rotation: Type.Optional(
    Type.Object({ unit: Str('hours, days or weeks'), length: Type.Number({ description: 'Whole units per turn' }) }, { additionalProperties: false }),
  ),
  handoffTime: Type.Optional(Str("HH:mm in the schedule's zone (rotation)")),
  startDate: Type.Optional(Str('YYYY-MM-DD: the first turn starts then at handoffTime (rotation)')),
  end: Type.Optional(Instant),
  restrictions: Type.Optional(RestrictionSchema),
  shifts: Type.Optional(Type.Array(SpanSchema(PersonKey), { maxItems: 5000, description: 'explicit layers' })),
};
const LayerInput = Type.Object(LayerFields, { additionalProperties: false });
export const OverrideInputSchema = Type.Object({ userId: PersonKey, start: Instant, end: Instant }, { additionalProperties: false });

export const CreateScheduleSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    timeZone: Str('IANA time zone, e.g. America/New_York'),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    teamId: Type.Optional(Nullable(Type.String({ description: 'Team id or name' }))),
    handoffTime: Type.Optional(Str('HH:mm: when a day of a date-per-row rota starts (default 09:00)')),
    rotaColumns: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'Spreadsheet header name → date, start, end, primary or secondary (e.g. {"on call": "primary"})',
      }),
    ),
    layers: Type.Optional(Type.Array(LayerInput, { maxItems: 50, description: 'Bottom first: a later layer wins where both have someone' })),
    overrides: Type.Optional(
      Type.Array(
        Type.Object({ id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), userId: PersonKey, start: Instant, end: Instant }, { additionalProperties: false }),
        { maxItems: 5000 },
      ),
    ),
  },
  { additionalProperties: false },
);
export const UpdateScheduleSchema = Type.Partial(CreateScheduleSchema, { additionalProperties: false, minProperties: 1 });
