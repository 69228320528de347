import type { KnownFields } from '../runbooks/types.js';
import type { FieldDefinition } from './definition.js';

/** The declared custom fields as runbooks see them: the fields an `ask` step may write to. */
export function knownFieldsOf(definitions: readonly FieldDefinition[]): KnownFields {
  return Object.fromEntries(
    definitions.map((d) => [d.key, d.type === 'choice' ? { type: d.type, options: (d.choices ?? []).map((c) => c.value) } : { type: d.type }]),
  );
}
