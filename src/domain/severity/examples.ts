import { FORBIDDEN_SEGMENTS } from '../conditions/field-path.js';
import type { FieldCatalog, FieldSpec, Problem } from '../conditions/types.js';
import { evaluateSeverity } from './evaluate.js';
import type { SeverityExample, SeverityRule } from './types.js';

/** How one example fared: `null` stands for "no rule matches". */
export interface ExampleOutcome {
  name: string;
  expected: string | null;
  actual: string | null;
  ruleIds: string[];
  passed: boolean;
}

/** Runs every example against the rules, like unit tests. */
export function runExamples(rules: readonly SeverityRule[], examples: readonly SeverityExample[], severities: readonly string[]): ExampleOutcome[] {
  return examples.map((example) => {
    const result = evaluateSeverity({ rules: [...rules] }, example.facts, severities);
    const actual = result.severity ?? null;
    return { name: example.name, expected: example.expect, actual, ruleIds: result.matches.map((match) => match.ruleId), passed: actual === example.expect };
  });
}

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * An example's facts may only name facts the catalog knows, with values of their type, so a
 * typo in an example cannot make it pass by accident.
 */
export function checkExampleFacts(facts: Record<string, unknown>, catalog: FieldCatalog, severities: readonly string[], path: string): Problem[] {
  const problems: Problem[] = [];
  walk(facts, '', path);
  return problems;

  function walk(node: Record<string, unknown>, prefix: string, at: string): void {
    for (const [key, value] of Object.entries(node)) {
      const keyAt = BARE_KEY.test(key) ? `${at}.${key}` : `${at}["${key}"]`;
      if (FORBIDDEN_SEGMENTS.has(key)) {
        problems.push({ path: keyAt, message: `"${key}" may not be used as a fact name` });
        continue;
      }
      const field = !prefix ? key : BARE_KEY.test(key) ? `${prefix}.${key}` : `${prefix}["${key.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"]`;
      const spec = BARE_KEY.test(key) || prefix ? catalog(field) : undefined;
      if (spec) {
        const problem = valueProblem(spec, value, severities);
        if (problem) problems.push({ path: keyAt, message: `${field} ${problem}` });
      } else if (isRecord(value)) {
        walk(value, field, keyAt);
      } else {
        problems.push({ path: keyAt, message: `unknown fact "${field}"` });
      }
    }
  }
}

function valueProblem(spec: FieldSpec, value: unknown, severities: readonly string[]): string | undefined {
  if (value === null) return undefined;
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'must be a list of text';
    case 'severity': {
      const known = spec.choices ?? severities;
      return typeof value === 'string' && known.includes(value) ? undefined : `must be one of ${known.join(', ')}`;
    }
    case 'choice':
      return typeof value === 'string' && (!spec.choices || spec.choices.includes(value)) ? undefined : `must be one of ${(spec.choices ?? []).join(', ')}`;
    default:
      return typeof value === 'string' ? undefined : 'must be text';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
