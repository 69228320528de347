import { findFieldDefinition, type FieldDefinition } from './definition.js';

/**
 * `<field> <value>` as typed after `/incident set`: the field is named by its key or by a
 * label of several words ("affected users 1,200"), so the longest run of leading words that
 * names a field wins; `field=value` and `field: value` work too. Undefined when no leading
 * words name a field; `value` is empty when nothing follows the field.
 */
export function readFieldAssignment(definitions: readonly FieldDefinition[], text: string): { definition: FieldDefinition; value: string } | undefined {
  const trimmed = text.trim();
  const separated = /^([^=:：\s]+)\s*[=:：]\s*(.*)$/su.exec(trimmed);
  if (separated) {
    const definition = findFieldDefinition(definitions, separated[1]!);
    if (definition) return { definition, value: separated[2]!.trim() };
  }
  const words = trimmed.split(/\s+/);
  for (let count = words.length; count > 0; count--) {
    const definition = findFieldDefinition(definitions, words.slice(0, count).join(' '));
    if (definition) return { definition, value: words.slice(count).join(' ') };
  }
  return undefined;
}

/** What a field accepts, for a usage hint: "a whole number ≥ 0", "yes or no", the choices. */
export function acceptedValues(definition: FieldDefinition): string {
  switch (definition.type) {
    case 'number': {
      const kind = definition.integer ? 'a whole number' : 'a number';
      const bounds = [definition.min !== undefined ? `≥ ${definition.min}` : '', definition.max !== undefined ? `≤ ${definition.max}` : ''].filter(Boolean);
      return [kind, ...bounds].join(' ');
    }
    case 'boolean':
      return 'yes or no (はい / いいえ)';
    case 'choice':
      return `one of ${(definition.choices ?? []).map((c) => c.value).join(', ')}`;
    case 'user':
      return 'a person (@mention)';
    case 'text':
      return 'any text';
  }
}
