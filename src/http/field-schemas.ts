import { Type } from 'typebox';
import { DateTime, L, Nullable } from './schemas.js';

/** Custom fields as GET /api/v1/meta lists them, and inquiries as the helpdesk webhook records them. */
const Localized = Type.Object({ en: Type.Optional(Type.String()), ja: Type.Optional(Type.String()) });

export const FieldDefinition = Type.Object({
  key: Type.String(),
  type: Type.Union([L('number'), L('boolean'), L('text'), L('choice'), L('user')]),
  label: Localized,
  help: Type.Optional(Localized),
  choices: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Localized }))),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  integer: Type.Optional(Type.Boolean()),
});

export const InquiryBody = Type.Object(
  {
    ticketId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "The helpdesk's ticket id: a ticket sent again is counted once" })),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Where it came from: zendesk, freshdesk, phone, ...' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://', description: 'The ticket in the helpdesk' })),
  },
  { additionalProperties: false },
);

export const Inquiry = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  reference: Type.String(),
  ticketId: Nullable(Type.String()),
  source: Nullable(Type.String()),
  note: Nullable(Type.String()),
  url: Nullable(Type.String()),
  field: Type.String({ description: 'The field inquiries count into (settings inquiries.field)' }),
  count: Type.Integer({ description: 'The count this inquiry made' }),
  recordedBy: Type.String(),
  recordedAt: DateTime,
});
