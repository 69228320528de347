import { Type, type Static } from 'typebox';
import type { FieldKind } from '../domain/fields/definition.js';

const Text = Type.Object(
  { en: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })), ja: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  { additionalProperties: false },
);

/** `fields:` in the settings file: the incident's custom facts (src/domain/fields checks what the shape cannot). */
export const FieldsSettingSchema = Type.Array(
  Type.Object(
    {
      key: Type.String({ minLength: 1, maxLength: 64, description: 'What rules, runbooks and the API call it: lower case, digits and _' }),
      type: Type.Union([Type.Literal('number'), Type.Literal('boolean'), Type.Literal('text'), Type.Literal('choice'), Type.Literal('user')]),
      label: Text,
      help: Type.Optional(Text),
      choices: Type.Optional(
        Type.Array(Type.Object({ value: Type.String({ minLength: 1, maxLength: 100 }), label: Text }, { additionalProperties: false }), { maxItems: 100 }),
      ),
      min: Type.Optional(Type.Number()),
      max: Type.Optional(Type.Number()),
      integer: Type.Optional(Type.Boolean({ description: 'number fields: only whole numbers' })),
    },
    { additionalProperties: false },
  ),
  { maxItems: 50, description: 'Custom incident fields (facts): number, boolean, text, choice or user' },
);

// The schema must list exactly the domain's kinds: the compiler checks both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const fieldKindsMatchDomain: Same<Static<typeof FieldsSettingSchema>[number]['type'], FieldKind> = true;

/** `inquiries:` the number field customer-support inquiries count into; null turns counting off. */
export const InquiriesSettingSchema = Type.Object(
  { field: Type.Union([Type.String({ minLength: 1 }), Type.Null()]) },
  { additionalProperties: false },
);
