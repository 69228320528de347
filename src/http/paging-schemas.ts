import { Type } from 'typebox';
import { PolicyInputSchema } from '../usecases/paging/policy-input.js';
import { DateTime, L, Nullable } from './schemas.js';

/**
 * Escalation policies and pages. The policy body is the use case's (`policy-input.ts`,
 * shared with the CLI); its values are checked by the domain, which answers 422 naming the
 * field (`levels[1].targets[0].id`).
 */
export const PolicyBody = PolicyInputSchema;

const Target = Type.Object({ type: Type.Union([L('user'), L('schedule'), L('team'), L('webhook')]), id: Type.String(), name: Type.String() });
export const Policy = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  teamId: Nullable(Type.String()),
  repeat: Type.Integer({ description: 'Extra runs of all the levels when nobody acknowledged' }),
  levels: Type.Array(Type.Object({ delayMinutes: Type.Integer(), targets: Type.Array(Target) })),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const PolicyParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200, description: 'Escalation policy id or name' }) });
export const PolicyListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    teamId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

const Actor = Type.Object({ type: Type.Union([L('user'), L('token'), L('system')]), id: Nullable(Type.String()), name: Type.String() });
const PageStatus = Type.Union([L('triggered'), L('acknowledged'), L('resolved')]);
const Notification = Type.Object({
  id: Type.String(),
  level: Type.Integer(),
  cycle: Type.Integer(),
  recipient: Type.Object({ type: Type.Union([L('user'), L('webhook')]), id: Type.String(), name: Type.String() }),
  channel: Type.Union([L('slack'), L('email'), L('webhook')]),
  status: Type.Union([L('pending'), L('sent'), L('failed')]),
  error: Nullable(Type.String()),
  createdAt: DateTime,
  sentAt: Nullable(DateTime),
});
const PageEvent = Type.Object({
  at: DateTime,
  kind: Type.Union([L('triggered'), L('notified'), L('escalated'), L('acknowledged'), L('resolved'), L('exhausted'), L('alert_attached')]),
  level: Type.Integer(),
  cycle: Type.Integer(),
  actor: Nullable(Actor),
  text: Type.String(),
});

export const Page = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  message: Type.String(),
  details: Type.String(),
  status: PageStatus,
  escalationPolicy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  scheduleId: Nullable(Type.String()),
  target: Type.Object({ type: Type.Union([L('policy'), L('schedule'), L('user')]), id: Type.String(), name: Type.String() }, { description: 'What was paged' }),
  level: Type.Integer({ description: 'The level last notified (1-based)' }),
  cycle: Type.Integer({ description: 'Which run of the levels (0-based)' }),
  levels: Type.Integer({ description: 'How many levels the page escalates through' }),
  repeat: Type.Integer(),
  nextEscalationAt: Nullable(DateTime),
  incidentId: Nullable(Type.String()),
  source: Type.Union([L('web'), L('api'), L('slack'), L('cli'), L('incident'), L('alert')]),
  createdBy: Actor,
  createdAt: DateTime,
  acknowledgedBy: Nullable(Actor),
  acknowledgedAt: Nullable(DateTime),
  resolvedBy: Nullable(Actor),
  resolvedAt: Nullable(DateTime),
  notifications: Type.Array(Notification),
  events: Type.Optional(Type.Array(PageEvent, { description: 'The page\'s record; only when one page is read' })),
});

const Key = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 254, description }));
export const TriggerPageBody = Type.Object(
  {
    message: Type.String({ maxLength: 500 }),
    details: Type.Optional(Type.String({ maxLength: 10_000 })),
    escalationPolicyId: Key('Escalation policy id or name'),
    scheduleId: Key("Schedule id or name: its on-call now, without escalation"),
    userId: Key('A person (id, e-mail, Slack id or name), without escalation'),
    incidentId: Key('Incident id or reference (INC-12)'),
  },
  { additionalProperties: false, description: 'Exactly one of escalationPolicyId, scheduleId and userId' },
);

export const TriggerPageHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Your retry key: repeating the request with it answers the page it made, without paging again' }),
  ),
});

export const PageListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([L('open'), PageStatus], { description: 'open = triggered or acknowledged' })),
    mine: Type.Optional(Type.Boolean({ description: 'Only pages that notified the calling person' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const PageParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'Page id or number' }) });
