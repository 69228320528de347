import { lookupFact, parseFieldPath } from './field-path.js';
import { regexFinds } from './regex.js';
import type { Condition, ConditionLeaf, ConditionResult, Evidence, Facts } from './types.js';

const PATH_CACHE_MAX = 5000;
const parsedPaths = new Map<string, string[] | undefined>();

/**
 * Evaluates a condition that `readCondition` accepted. A matched result carries the leaves that
 * made it match; a missing fact makes every leaf false (so only `not` or `exists` can see it).
 * Leaves under a `not` are reported with `negated: true`.
 */
export function evaluateCondition(condition: Condition, facts: Facts, severities: readonly string[]): ConditionResult {
  return evaluateNode(condition, facts, severities);
}

/**
 * Whether the condition holds, without gathering evidence: what a policy evaluates first for
 * every rule, so evidence is built only for the rules that match (same semantics as evaluateCondition).
 */
export function conditionHolds(condition: Condition, facts: Facts, severities: readonly string[]): boolean {
  if ('all' in condition) return condition.all.every((child) => conditionHolds(child, facts, severities));
  if ('any' in condition) return condition.any.some((child) => conditionHolds(child, facts, severities));
  if ('not' in condition) return !conditionHolds(condition.not, facts, severities);
  const segments = fieldSegments(condition.field);
  const found = segments ? lookupFact(facts, segments) : undefined;
  return found !== undefined && found !== null && leafHolds(condition, found, severities);
}

function evaluateNode(condition: Condition, facts: Facts, severities: readonly string[]): ConditionResult {
  if ('all' in condition) {
    const results = condition.all.map((child) => evaluateNode(child, facts, severities));
    const matched = results.every((result) => result.matched);
    return { matched, evidence: collect(results.filter((result) => result.matched === matched)) };
  }
  if ('any' in condition) {
    const results = condition.any.map((child) => evaluateNode(child, facts, severities));
    const matched = results.some((result) => result.matched);
    return { matched, evidence: collect(results.filter((result) => result.matched === matched)) };
  }
  if ('not' in condition) {
    const inner = evaluateNode(condition.not, facts, severities);
    return { matched: !inner.matched, evidence: inner.evidence.map(negate) };
  }
  return evaluateLeaf(condition, facts, severities);
}

function collect(results: ConditionResult[]): Evidence[] {
  return results.flatMap((result) => result.evidence);
}

function negate(evidence: Evidence): Evidence {
  return evidence.negated ? { field: evidence.field, op: evidence.op, expected: evidence.expected, actual: evidence.actual } : { ...evidence, negated: true };
}

function evaluateLeaf(leaf: ConditionLeaf, facts: Facts, severities: readonly string[]): ConditionResult {
  const segments = fieldSegments(leaf.field);
  const found = segments ? lookupFact(facts, segments) : undefined;
  const actual = found === null ? undefined : found;
  const matched = actual !== undefined && leafHolds(leaf, actual, severities);
  const evidence: Evidence = { field: leaf.field, op: leaf.op, expected: leaf.value, actual };
  return { matched, evidence: [evidence] };
}

function fieldSegments(field: string): string[] | undefined {
  if (parsedPaths.has(field)) return parsedPaths.get(field);
  const segments = parseFieldPath(field);
  if (parsedPaths.size >= PATH_CACHE_MAX) parsedPaths.clear();
  parsedPaths.set(field, segments);
  return segments;
}

/** `actual` is present (not undefined, not null). A value of the wrong type never matches. */
function leafHolds(leaf: ConditionLeaf, actual: unknown, severities: readonly string[]): boolean {
  const { op, value } = leaf;
  switch (op) {
    case 'exists':
      return true;
    case 'eq':
      return isScalar(actual) && actual === value;
    case 'ne':
      return isScalar(actual) && actual !== value;
    case 'in':
      return Array.isArray(value) && (Array.isArray(actual) ? actual.some((item) => value.includes(item)) : value.includes(actual));
    case 'not_in':
      return Array.isArray(value) && (Array.isArray(actual) ? !actual.some((item) => value.includes(item)) : isScalar(actual) && !value.includes(actual));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compareOrdered(op, actual, value);
    case 'contains':
      if (Array.isArray(actual)) return actual.includes(value);
      return typeof actual === 'string' && typeof value === 'string' && actual.includes(value);
    case 'starts_with':
      return typeof actual === 'string' && typeof value === 'string' && actual.startsWith(value);
    case 'matches':
      return typeof actual === 'string' && typeof value === 'string' && regexFinds(value, actual);
    case 'sev_gte':
    case 'sev_lte': {
      // Severities are listed worst first: "at least SEV2" means an index at or before SEV2's.
      const actualRank = typeof actual === 'string' ? severities.indexOf(actual) : -1;
      const valueRank = typeof value === 'string' ? severities.indexOf(value) : -1;
      if (actualRank < 0 || valueRank < 0) return false;
      return op === 'sev_gte' ? actualRank <= valueRank : actualRank >= valueRank;
    }
  }
}

function compareOrdered(op: 'gt' | 'gte' | 'lt' | 'lte', actual: unknown, value: unknown): boolean {
  let left: number;
  let right: number;
  if (typeof actual === 'number' && typeof value === 'number') {
    left = actual;
    right = value;
  } else if (typeof actual === 'string' && typeof value === 'string') {
    left = Date.parse(actual);
    right = Date.parse(value);
  } else {
    return false;
  }
  if (!Number.isFinite(left) || !Number.isFinite(right)) return false;
  if (op === 'gt') return left > right;
  if (op === 'gte') return left >= right;
  if (op === 'lt') return left < right;
  return left <= right;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
