import type { LocalizedText } from '../runbooks/types.js';

/** The kinds of value an incident's custom field holds (declared in the settings file). */
export const FIELD_KINDS = ['number', 'boolean', 'text', 'choice', 'user'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** A stored value: a user field holds a Hikeshi user id; null is "not known yet". */
export type FieldValue = number | boolean | string | null;
export type IncidentFields = Record<string, FieldValue>;

export interface FieldChoice {
  value: string;
  label: LocalizedText;
}

export interface FieldDefinition {
  key: string;
  type: FieldKind;
  label: LocalizedText;
  help?: LocalizedText;
  /** choice fields: the values it accepts, with their labels. */
  choices?: FieldChoice[];
  /** number fields: inclusive bounds, and whether only whole numbers fit. */
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A field problem located by its path below `fields` (`[2].choices`). */
export interface FieldProblem {
  path: string;
  message: string;
}

export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const TEXT_VALUE_MAX = 1_000;

/**
 * Names runbooks and the severity policy already give the incident's own columns and roles:
 * a custom field of that name would make `writesTo: summary` ambiguous.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set([
  'title', 'summary', 'status', 'severity', 'tags', 'services',
  'commander', 'communications', 'scribe',
  'impact_started_at', 'detected_at', 'declared_at', 'acknowledged_at', 'mitigated_at', 'resolved_at', 'closed_at',
]);

/**
 * What the settings file's shape cannot say: unique keys, a choice field's choices, bounds
 * that leave room for a value, and a number field for inquiries to count into.
 */
export function checkFieldDefinitions(definitions: readonly FieldDefinition[], inquiriesField: string | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  definitions.forEach((definition, index) => {
    const at = `[${index}]`;
    if (!FIELD_KEY_PATTERN.test(definition.key)) {
      problems.push({ path: `${at}.key`, message: `must be lower case letters, digits and _ starting with a letter (got "${definition.key}")` });
    } else if (RESERVED_KEYS.has(definition.key)) {
      problems.push({ path: `${at}.key`, message: `"${definition.key}" is one of the incident's own fields; pick another key` });
    } else if (seen.has(definition.key)) {
      problems.push({ path: `${at}.key`, message: `"${definition.key}" is declared twice` });
    }
    seen.add(definition.key);
    if (!definition.label.en?.trim() && !definition.label.ja?.trim()) problems.push({ path: `${at}.label`, message: 'needs an en or ja text' });
    problems.push(...kindProblems(definition, at));
  });
  if (inquiriesField !== null) {
    const target = definitions.find((d) => d.key === inquiriesField);
    if (target?.type !== 'number') {
      const numbers = definitions.filter((d) => d.type === 'number').map((d) => d.key);
      problems.push({
        path: 'inquiries.field',
        message: `must name a declared number field (${numbers.length ? `declared: ${numbers.join(', ')}` : 'none is declared'}; got "${inquiriesField}"), or be null to turn inquiry counting off`,
      });
    }
  }
  return problems;
}

function kindProblems(definition: FieldDefinition, at: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { type, choices, min, max, integer } = definition;
  if (type === 'choice') {
    if (!choices?.length) problems.push({ path: `${at}.choices`, message: 'a choice field needs at least one choice' });
    const values = new Set<string>();
    choices?.forEach((choice, index) => {
      if (values.has(choice.value)) problems.push({ path: `${at}.choices[${index}].value`, message: `"${choice.value}" is listed twice` });
      values.add(choice.value);
    });
  } else if (choices !== undefined) {
    problems.push({ path: `${at}.choices`, message: `only a choice field has choices (this one is ${type})` });
  }
  if (type !== 'number') {
    for (const [name, value] of [['min', min], ['max', max], ['integer', integer]] as const) {
      if (value !== undefined) problems.push({ path: `${at}.${name}`, message: `only a number field has ${name} (this one is ${type})` });
    }
  } else if (min !== undefined && max !== undefined && min > max) {
    problems.push({ path: `${at}.min`, message: `must not be more than max (${min} > ${max}): no value could fit` });
  }
  return problems;
}

/** A field by its key or by its label in either language (case and width ignored), as people type it in Slack. */
export function findFieldDefinition(definitions: readonly FieldDefinition[], name: string): FieldDefinition | undefined {
  const wanted = normalizeName(name);
  return (
    definitions.find((d) => d.key === name) ??
    definitions.find((d) => [d.key, d.label.en, d.label.ja].some((n) => n !== undefined && normalizeName(n) === wanted))
  );
}

export function normalizeName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}
