import { Type, type Static, type TSchema } from 'typebox';
import type { IncidentStatus } from '../domain/incidents/status.js';
import type { UserRole } from '../domain/catalog/user.js';

/** Small builders every route schema of the API shares. */
export const L = Type.Literal;
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Nullable(DateTime);

export const Status = Type.Union([L('triage'), L('investigating'), L('identified'), L('monitoring'), L('resolved'), L('closed')]);
export const Role = Type.Union([L('admin'), L('responder'), L('viewer')]);
// The schemas must list exactly the domain's values: the compiler checks both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemasMatchDomain: [Same<Static<typeof Status>, IncidentStatus>, Same<Static<typeof Role>, UserRole>] = [true, true];
export const Ref = Type.Object({ id: Type.String(), name: Type.String() });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    field: Type.Optional(Type.String()),
    allowed: Type.Optional(Type.Array(Type.String())),
  },
  { description: 'RFC 9457 problem details' },
);

/** Custom facts by field key (settings `fields`): a number, yes/no, text, a choice's value or a user id; null when unknown. */
const FieldValue = Type.Union([Type.Number(), Type.Boolean(), Type.String({ maxLength: 1000 }), Type.Null()]);
export const IncidentFields = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }), FieldValue, {
  description: 'Custom facts by field key (GET /api/v1/meta lists the declared fields); refused values answer 422 naming fields.<key>',
});

/** The severity policy's pending result, waiting for a person's Confirm (POST …/severity-proposal/confirm). */
export const SeverityProposal = Type.Object({
  id: Type.String(),
  from: Type.String(),
  to: Type.String(),
  ruleIds: Type.Array(Type.String()),
  reason: Type.Object({ en: Type.String(), ja: Type.String() }),
  why: Type.Union([L('milder'), L('person_set'), L('worse_needs_confirmation')]),
  proposedAt: DateTime,
});

export const Incident = Type.Object(
  {
    id: Type.String(),
    number: Type.Integer(),
    reference: Type.String({ description: 'INC-<number>' }),
    title: Type.String(),
    summary: Type.String(),
    status: Status,
    severity: Type.String(),
    tags: Type.Array(Type.String()),
    services: Type.Array(Ref),
    roles: Type.Object({ commander: Nullable(Ref), communications: Nullable(Ref), scribe: Nullable(Ref) }),
    declaredBy: Nullable(Ref),
    impactStartedAt: NullableDateTime,
    detectedAt: NullableDateTime,
    declaredAt: DateTime,
    acknowledgedAt: NullableDateTime,
    mitigatedAt: NullableDateTime,
    resolvedAt: NullableDateTime,
    closedAt: NullableDateTime,
    fields: IncidentFields,
    createdAt: DateTime,
    updatedAt: DateTime,
    allowedTransitions: Type.Array(Status),
    severitySource: Type.Union([L('declared'), L('policy'), L('person')], { description: 'Who set the severity; a person\'s choice stands, the policy then only proposes' }),
    severityProposal: Nullable(SeverityProposal),
  },
  { additionalProperties: true },
);

const Title = Type.String({ minLength: 1, maxLength: 200 });
const Services = Type.Array(Type.String({ minLength: 1 }), { maxItems: 50, description: 'Service ids or names' });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 30 });

export const DeclareIncidentBody = Type.Object(
  {
    title: Title,
    severity: Type.Optional(Type.String({ minLength: 1 })),
    summary: Type.Optional(Type.String({ maxLength: 20000 })),
    services: Type.Optional(Services),
    tags: Type.Optional(Tags),
    impactStartedAt: Type.Optional(DateTime),
    detectedAt: Type.Optional(DateTime),
    fields: Type.Optional(IncidentFields),
  },
  { additionalProperties: false },
);

const UserId = Nullable(Type.String({ minLength: 1 }));
export const UpdateIncidentBody = Type.Object(
  {
    title: Type.Optional(Title),
    summary: Type.Optional(Type.String({ maxLength: 20000 })),
    status: Type.Optional(Status),
    severity: Type.Optional(Type.String({ minLength: 1 })),
    services: Type.Optional(Services),
    tags: Type.Optional(Tags),
    roles: Type.Optional(
      Type.Object(
        { commander: Type.Optional(UserId), communications: Type.Optional(UserId), scribe: Type.Optional(UserId) },
        { additionalProperties: false },
      ),
    ),
    impactStartedAt: Type.Optional(NullableDateTime),
    detectedAt: Type.Optional(NullableDateTime),
    acknowledgedAt: Type.Optional(NullableDateTime),
    mitigatedAt: Type.Optional(NullableDateTime),
    resolvedAt: Type.Optional(NullableDateTime),
    fields: Type.Optional(IncidentFields),
  },
  { additionalProperties: false, minProperties: 1 },
);

const csv = (description: string) => Type.Optional(Type.String({ description: `${description} (comma-separated)` }));
export const IncidentListQuery = Type.Object(
  {
    status: csv('Statuses'),
    severity: csv('Severities'),
    service: csv('Service ids or names'),
    declaredFrom: Type.Optional(DateTime),
    declaredTo: Type.Optional(DateTime),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Text in the title or summary' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const TimelineEvent = Type.Object(
  {
    id: Type.String(),
    incidentId: Type.String(),
    kind: Type.String(),
    actor: Type.Object({ type: Type.Union([L('user'), L('token'), L('system')]), id: Nullable(Type.String()), name: Type.String() }),
    payload: Type.Record(Type.String(), Type.Unknown()),
    occurredAt: DateTime,
  },
  { additionalProperties: true },
);

export const TimelineEntryBody = Type.Object(
  { kind: Type.Union([L('note'), L('status_update')]), body: Type.String({ minLength: 1, maxLength: 10000 }) },
  { additionalProperties: false },
);

export const User = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    email: Type.String(),
    timeZone: Type.String(),
    slackUserId: Nullable(Type.String()),
    role: Role,
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: true },
);

const UserFields = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  email: Type.String({ minLength: 3, maxLength: 254 }),
  role: Role,
  timeZone: Type.String({ minLength: 1, description: 'IANA time zone, e.g. Asia/Tokyo' }),
  slackUserId: Nullable(Type.String()),
  password: Type.String({ minLength: 12, maxLength: 1024 }),
};
export const CreateUserBody = Type.Object(
  {
    name: UserFields.name,
    email: UserFields.email,
    role: Type.Optional(UserFields.role),
    timeZone: Type.Optional(UserFields.timeZone),
    slackUserId: Type.Optional(UserFields.slackUserId),
    password: Type.Optional(UserFields.password),
  },
  { additionalProperties: false },
);
export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(UserFields.name),
    email: Type.Optional(UserFields.email),
    role: Type.Optional(UserFields.role),
    timeZone: Type.Optional(UserFields.timeZone),
    slackUserId: Type.Optional(UserFields.slackUserId),
    password: Type.Optional(UserFields.password),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Team = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    memberIds: Type.Array(Type.String()),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: true },
);
const TeamFields = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.String({ maxLength: 2000 }),
  memberIds: Type.Array(Type.String({ minLength: 1 }), { maxItems: 500 }),
};
export const CreateTeamBody = Type.Object(
  { name: TeamFields.name, description: Type.Optional(TeamFields.description), memberIds: Type.Optional(TeamFields.memberIds) },
  { additionalProperties: false },
);
export const UpdateTeamBody = Type.Partial(CreateTeamBody, { additionalProperties: false, minProperties: 1 });

export const Service = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    teamId: Nullable(Type.String()),
    tier: Type.Integer({ minimum: 1, maximum: 4 }),
    escalationPolicyId: Nullable(Type.String({ description: 'paged by alerts routed to the service with action page' })),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: true },
);
export const CreateServiceBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    teamId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
    tier: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: '1 is the most critical' })),
    escalationPolicy: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200, description: 'escalation policy id or name; null removes it' }))),
  },
  { additionalProperties: false },
);
export const UpdateServiceBody = Type.Partial(CreateServiceBody, { additionalProperties: false, minProperties: 1 });

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Role,
  prefix: Type.String({ description: 'The first characters of the token, to tell tokens apart' }),
  createdById: Nullable(Type.String()),
  createdAt: DateTime,
  lastUsedAt: NullableDateTime,
  revokedAt: NullableDateTime,
});
export const CreateTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 120 }), role: Role },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);
export const SessionView = Type.Object({ user: User, csrfToken: Type.String() });
