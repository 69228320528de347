import { forbiddenSegment, parseFieldPath } from './field-path.js';
import { compileRegex } from './regex.js';
import {
  CONDITION_OPS,
  type Condition,
  type ConditionLeaf,
  type ConditionOp,
  type ConditionReading,
  type FieldCatalog,
  type FieldSpec,
  type FieldType,
  type Problem,
} from './types.js';

export const CONDITION_DEPTH_MAX = 8;
export const IN_LIST_MAX = 500;
export const VALUE_TEXT_MAX = 1024;

/** Which operators make sense for each field type. */
const OPS_BY_TYPE: Record<FieldType, readonly ConditionOp[]> = {
  number: ['eq', 'ne', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'exists'],
  boolean: ['eq', 'ne', 'exists'],
  text: ['eq', 'ne', 'in', 'not_in', 'contains', 'starts_with', 'matches', 'exists'],
  user: ['eq', 'ne', 'in', 'not_in', 'exists'],
  choice: ['eq', 'ne', 'in', 'not_in', 'exists'],
  severity: ['eq', 'ne', 'in', 'not_in', 'sev_gte', 'sev_lte', 'exists'],
  list: ['contains', 'in', 'not_in', 'exists'],
  time: ['gt', 'gte', 'lt', 'lte', 'exists'],
};

interface ReadContext {
  catalog: FieldCatalog;
  severities: readonly string[];
  problems: Problem[];
}

/**
 * Checks raw data (from YAML or JSON) against the language and the field catalog.
 * Every problem is reported with its path; the condition is returned only when there are none.
 */
export function readCondition(
  raw: unknown,
  catalog: FieldCatalog,
  path: string,
  severities: readonly string[],
): ConditionReading {
  const context: ReadContext = { catalog, severities, problems: [] };
  const condition = readNode(raw, path, 1, context);
  return context.problems.length === 0 && condition ? { condition, problems: [] } : { problems: context.problems };
}

function readNode(raw: unknown, path: string, depth: number, context: ReadContext): Condition | undefined {
  if (depth > CONDITION_DEPTH_MAX) {
    context.problems.push({ path, message: `conditions may be nested at most ${CONDITION_DEPTH_MAX} deep` });
    return undefined;
  }
  if (!isRecord(raw)) {
    context.problems.push({ path, message: 'must be a condition: all, any, not, or {field, op, value}' });
    return undefined;
  }
  const keys = Object.keys(raw);
  for (const group of ['all', 'any'] as const) {
    if (Object.hasOwn(raw, group)) {
      if (!onlyKeys(raw, [group], path, context)) return undefined;
      return readGroup(group, raw[group], `${path}.${group}`, depth, context);
    }
  }
  if (Object.hasOwn(raw, 'not')) {
    if (!onlyKeys(raw, ['not'], path, context)) return undefined;
    const inner = readNode(raw.not, `${path}.not`, depth + 1, context);
    return inner ? { not: inner } : undefined;
  }
  if (Object.hasOwn(raw, 'field') || Object.hasOwn(raw, 'op')) {
    if (!onlyKeys(raw, ['field', 'op', 'value'], path, context)) return undefined;
    return readLeaf(raw, path, context);
  }
  context.problems.push({
    path,
    message: keys.length ? `unknown key "${keys[0]}": use all, any, not, or {field, op, value}` : 'an empty condition',
  });
  return undefined;
}

function readGroup(
  group: 'all' | 'any',
  raw: unknown,
  path: string,
  depth: number,
  context: ReadContext,
): Condition | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    context.problems.push({ path, message: `${group} must be a non-empty list of conditions` });
    return undefined;
  }
  const children = raw.map((child, index) => readNode(child, `${path}[${index}]`, depth + 1, context));
  if (children.some((child) => child === undefined)) return undefined;
  return group === 'all' ? { all: children as Condition[] } : { any: children as Condition[] };
}

function readLeaf(raw: Record<string, unknown>, path: string, context: ReadContext): ConditionLeaf | undefined {
  const { field, op } = raw;
  if (typeof field !== 'string') {
    context.problems.push({ path: `${path}.field`, message: 'must be a field name' });
    return undefined;
  }
  const segments = parseFieldPath(field);
  if (!segments) {
    context.problems.push({ path: `${path}.field`, message: `"${field}" is not a field path (a.b, or a["k.with.dots"])` });
    return undefined;
  }
  const forbidden = forbiddenSegment(segments);
  if (forbidden !== undefined) {
    context.problems.push({ path: `${path}.field`, message: `"${forbidden}" may not be used in a field path` });
    return undefined;
  }
  if (typeof op !== 'string' || !(CONDITION_OPS as readonly string[]).includes(op)) {
    context.problems.push({ path: `${path}.op`, message: `unknown operator "${String(op)}"; one of ${CONDITION_OPS.join(', ')}` });
    return undefined;
  }
  const spec = context.catalog(field);
  if (!spec) {
    context.problems.push({ path: `${path}.field`, message: `unknown field "${field}"` });
    return undefined;
  }
  const leafOp = op as ConditionOp;
  if (!OPS_BY_TYPE[spec.type].includes(leafOp)) {
    context.problems.push({
      path: `${path}.op`,
      message: `"${op}" does not apply to ${field} (a ${spec.type}); use ${OPS_BY_TYPE[spec.type].join(', ')}`,
    });
    return undefined;
  }
  if (leafOp === 'exists') {
    if (Object.hasOwn(raw, 'value')) {
      context.problems.push({ path: `${path}.value`, message: 'exists takes no value' });
      return undefined;
    }
    return { field, op: leafOp };
  }
  if (!Object.hasOwn(raw, 'value')) {
    context.problems.push({ path: `${path}.value`, message: `${op} needs a value` });
    return undefined;
  }
  const value = readValue(raw.value, leafOp, spec, `${path}.value`, context);
  return value === undefined ? undefined : { field, op: leafOp, value: value.value };
}

function readValue(
  raw: unknown,
  op: ConditionOp,
  spec: FieldSpec,
  path: string,
  context: ReadContext,
): { value: unknown } | undefined {
  if (op === 'in' || op === 'not_in') {
    if (!Array.isArray(raw) || raw.length === 0 || raw.length > IN_LIST_MAX) {
      context.problems.push({ path, message: `${op} needs a list of 1 to ${IN_LIST_MAX} values` });
      return undefined;
    }
    const items = raw.map((item, index) => readScalar(item, op, spec, `${path}[${index}]`, context));
    return items.some((item) => item === undefined) ? undefined : { value: items.map((item) => item?.value) };
  }
  return readScalar(raw, op, spec, path, context);
}

function readScalar(
  raw: unknown,
  op: ConditionOp,
  spec: FieldSpec,
  path: string,
  context: ReadContext,
): { value: unknown } | undefined {
  const refuse = (message: string): undefined => {
    context.problems.push({ path, message });
    return undefined;
  };
  switch (spec.type) {
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? { value: raw } : refuse('must be a number');
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : refuse('must be true or false');
    case 'time':
      return typeof raw === 'string' && Number.isFinite(Date.parse(raw)) ? { value: raw } : refuse('must be an ISO 8601 time');
    case 'severity': {
      const known = spec.choices ?? context.severities;
      return typeof raw === 'string' && known.includes(raw)
        ? { value: raw }
        : refuse(`unknown severity "${String(raw)}"; one of ${known.join(', ')}`);
    }
    case 'choice':
      if (typeof raw !== 'string') return refuse('must be text');
      return !spec.choices || spec.choices.includes(raw)
        ? { value: raw }
        : refuse(`"${raw}" is not a choice; one of ${spec.choices.join(', ')}`);
    default:
      break;
  }
  if (typeof raw !== 'string') return refuse('must be text');
  if (raw.length > VALUE_TEXT_MAX) return refuse(`may be at most ${VALUE_TEXT_MAX} characters`);
  if (op === 'matches') {
    const { error } = compileRegex(raw);
    if (error) return refuse(error);
  }
  return { value: raw };
}

function onlyKeys(raw: Record<string, unknown>, allowed: readonly string[], path: string, context: ReadContext): boolean {
  const extra = Object.keys(raw).filter((key) => !allowed.includes(key));
  if (extra.length === 0) return true;
  context.problems.push({ path: `${path}.${extra[0]}`, message: `unexpected key "${extra[0]}" beside ${allowed.join(', ')}` });
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
