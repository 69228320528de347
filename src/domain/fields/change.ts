import { ValidationError } from '../../errors.js';
import type { TimelineDraft } from '../incidents/timeline.js';
import { coerceFieldValue, type ValueSource } from './coerce.js';
import type { FieldDefinition, FieldValue, IncidentFields } from './definition.js';

/**
 * The wanted values checked against the declared fields, in the order given. A key no
 * field declares is refused (own keys only: `__proto__` is just an unknown key).
 */
export function coerceFields(
  wanted: Readonly<Record<string, unknown>>,
  definitions: readonly FieldDefinition[],
  from: ValueSource,
): Array<{ definition: FieldDefinition; value: FieldValue }> {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  return Object.keys(wanted).map((key) => {
    const definition = byKey.get(key);
    if (!definition) {
      const declared = definitions.map((d) => d.key).join(', ') || 'none';
      throw new ValidationError(`fields.${key}`, `is not a declared field (declared: ${declared})`);
    }
    return { definition, value: coerceFieldValue(definition, wanted[key], { from }) };
  });
}

/**
 * Sets fields and describes what changed: one `field.changed` per field whose value
 * differs, so a repeated PATCH writes nothing twice. A field never set reads as null.
 */
export function setFields(
  current: Readonly<IncidentFields>,
  values: ReadonlyArray<{ key: string; value: FieldValue }>,
): { fields: IncidentFields; timeline: TimelineDraft[] } {
  const fields: IncidentFields = { ...current };
  const timeline: TimelineDraft[] = [];
  for (const { key, value } of values) {
    const from = fieldValueOf(fields, key);
    if (from === value) continue;
    timeline.push({ kind: 'field.changed', payload: { field: key, from, to: value } });
    if (value === null) delete fields[key];
    else fields[key] = value;
  }
  return { fields, timeline };
}

/** One more inquiry: the counting field goes up by one from what it holds (nothing counts as 0). */
export function countInquiry(current: Readonly<IncidentFields>, field: string): { fields: IncidentFields; from: number; to: number } {
  const held = fieldValueOf(current, field);
  const from = typeof held === 'number' ? held : 0;
  return { fields: { ...current, [field]: from + 1 }, from, to: from + 1 };
}

export function fieldValueOf(fields: Readonly<IncidentFields>, key: string): FieldValue {
  return Object.hasOwn(fields, key) ? fields[key]! : null;
}
