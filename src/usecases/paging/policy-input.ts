import { Type, type Static } from 'typebox';

/**
 * An escalation policy as clients write it (API body, `escalation create --file`): types
 * only. Values (delays, repeat, the targets themselves) are checked by the domain, which
 * names the field (`levels[1].targets[0].id`).
 */
const Target = Type.Object(
  {
    type: Type.String({ description: 'user, schedule, team or webhook' }),
    id: Type.String({ maxLength: 254, description: 'A user (id, email, Slack id or name), schedule or team (id or name), or the name of a webhook in the settings file' }),
  },
  { additionalProperties: false },
);
const Level = Type.Object(
  {
    delayMinutes: Type.Integer({ description: 'Minutes (1-1440) to wait for an acknowledgement before the next level' }),
    targets: Type.Array(Target, { description: '1-20 targets, all notified together' }),
  },
  { additionalProperties: false },
);

export const PolicyInputSchema = Type.Object(
  {
    name: Type.String({ maxLength: 120 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    teamId: Type.Optional(Type.Union([Type.String({ maxLength: 200, description: 'Team id or name' }), Type.Null()])),
    repeat: Type.Optional(Type.Integer({ description: 'Extra runs (0-9) of all the levels when nobody acknowledged; default 0' })),
    levels: Type.Array(Level, { description: '1-20 levels, notified in order' }),
  },
  { additionalProperties: false },
);

export type PolicyInput = Static<typeof PolicyInputSchema>;
