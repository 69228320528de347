import { readCondition } from '../conditions/read-condition.js';
import type { Condition, FieldCatalog, Problem } from '../conditions/types.js';
import { checkExampleFacts, isRecord, runExamples, type ExampleOutcome } from './examples.js';
import type { LocalizedText, SeverityExample, SeverityPolicy, SeverityRule } from './types.js';

export const RULES_MAX = 200;
export const EXAMPLES_MAX = 500;
export const REASON_MAX = 500;
export const RULE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface PolicyContext {
  catalog: FieldCatalog;
  severities: readonly string[];
}

/** A problem with the index of the rule or example it is about, so the caller can name it. */
export interface PolicyCheckProblem extends Problem {
  rule?: number;
  example?: number;
}

export interface PolicyCheck {
  policy?: SeverityPolicy;
  problems: PolicyCheckProblem[];
  /** Filled when the rules and examples are well formed, whether or not every example passed. */
  examples: ExampleOutcome[];
}

/** Checks parsed data; the examples run only when everything else is sound. */
export function checkPolicy(raw: unknown, context: PolicyContext): PolicyCheck {
  const problems: PolicyCheckProblem[] = [];
  if (!isRecord(raw)) return { problems: [{ path: '', message: 'a policy is a map with version, rules and examples' }], examples: [] };
  for (const key of Object.keys(raw)) {
    if (!['version', 'rules', 'examples'].includes(key)) problems.push({ path: key, message: `unknown key "${key}" (version, rules, examples)` });
  }
  if (raw.version !== 1) problems.push({ path: 'version', message: 'must be 1' });
  const rules = readList(raw.rules, 'rules', RULES_MAX, problems).map((item, index) => readRule(item, index, context, problems));
  const ids = new Map<string, number>();
  rules.forEach((rule, index) => {
    if (!rule) return;
    if (ids.has(rule.id)) problems.push({ path: `rules[${index}].id`, rule: index, message: `"${rule.id}" is also the id of rules[${ids.get(rule.id)}]` });
    else ids.set(rule.id, index);
  });
  const examples = readList(raw.examples ?? [], 'examples', EXAMPLES_MAX, problems).map((item, index) => readExample(item, index, context, problems));
  const names = new Set<string>();
  examples.forEach((example, index) => {
    if (!example) return;
    if (names.has(example.name)) problems.push({ path: `examples[${index}].name`, example: index, message: `"${example.name}" names two examples` });
    names.add(example.name);
  });
  if (problems.length) return { problems, examples: [] };
  const sound = { rules: rules as SeverityRule[], examples: examples as SeverityExample[] };
  const outcomes = runExamples(sound.rules, sound.examples, context.severities);
  outcomes.forEach((outcome, index) => {
    if (outcome.passed) return;
    const matched = outcome.ruleIds.length ? `rules matched: ${outcome.ruleIds.join(', ')}` : 'no rule matched';
    problems.push({
      path: `examples[${index}].expect`,
      example: index,
      message: `example "${outcome.name}" expects ${outcome.expected ?? 'none'} but the policy gives ${outcome.actual ?? 'none'} (${matched})`,
    });
  });
  return problems.length ? { problems, examples: outcomes } : { policy: { version: 1, ...sound }, problems, examples: outcomes };
}

function readList(raw: unknown, path: string, max: number, problems: PolicyCheckProblem[]): unknown[] {
  if (!Array.isArray(raw)) {
    problems.push({ path, message: 'must be a list' });
    return [];
  }
  if (raw.length > max) problems.push({ path, message: `may hold at most ${max} entries` });
  return raw.slice(0, max);
}

function readRule(raw: unknown, index: number, context: PolicyContext, problems: PolicyCheckProblem[]): SeverityRule | undefined {
  const at = `rules[${index}]`;
  const add = (path: string, message: string) => problems.push({ path, message, rule: index });
  if (!isRecord(raw)) {
    add(at, 'a rule is a map with id, severity, reason and when');
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(raw)) {
    if (!['id', 'severity', 'reason', 'when'].includes(key)) add(`${at}.${key}`, `unknown key "${key}" (id, severity, reason, when)`);
  }
  const { id, severity } = raw;
  if (typeof id !== 'string' || !RULE_ID_PATTERN.test(id) || id.length > 64) add(`${at}.id`, 'must be a kebab-case id (a-z, 0-9 and -), at most 64 characters');
  if (typeof severity !== 'string' || !context.severities.includes(severity)) {
    add(`${at}.severity`, `unknown severity "${String(severity)}"; one of ${context.severities.join(', ')}`);
  }
  const reason = readReason(raw.reason, `${at}.reason`, add);
  let when: Condition | undefined;
  if (!Object.hasOwn(raw, 'when')) add(`${at}.when`, 'a rule needs a when condition');
  else {
    const read = readCondition(raw.when, context.catalog, `${at}.when`, context.severities);
    for (const problem of read.problems) add(problem.path, problem.message);
    when = read.condition;
  }
  if (problems.length > before || !when || !reason) return undefined;
  return { id: id as string, severity: severity as string, reason, when };
}

function readReason(raw: unknown, at: string, add: (path: string, message: string) => void): LocalizedText | undefined {
  if (!isRecord(raw)) {
    add(at, 'must be {en, ja}: the reason quoted on the timeline and in the channel');
    return undefined;
  }
  let ok = true;
  for (const language of ['en', 'ja'] as const) {
    const text = raw[language];
    if (typeof text !== 'string' || !text.trim() || text.length > REASON_MAX) {
      add(`${at}.${language}`, `needs a text of 1 to ${REASON_MAX} characters`);
      ok = false;
    }
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'en' && key !== 'ja') {
      add(`${at}.${key}`, `unknown language "${key}" (en, ja)`);
      ok = false;
    }
  }
  return ok ? { en: (raw.en as string).trim(), ja: (raw.ja as string).trim() } : undefined;
}

function readExample(raw: unknown, index: number, context: PolicyContext, problems: PolicyCheckProblem[]): SeverityExample | undefined {
  const at = `examples[${index}]`;
  const add = (path: string, message: string) => problems.push({ path, message, example: index });
  if (!isRecord(raw)) {
    add(at, 'an example is a map with name, facts and expect');
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(raw)) {
    if (!['name', 'facts', 'expect'].includes(key)) add(`${at}.${key}`, `unknown key "${key}" (name, facts, expect)`);
  }
  const { name, facts, expect } = raw;
  if (typeof name !== 'string' || !name.trim() || name.length > 200) add(`${at}.name`, 'needs a name of 1 to 200 characters');
  if (!isRecord(facts)) add(`${at}.facts`, 'must be a map of facts');
  else for (const problem of checkExampleFacts(facts, context.catalog, context.severities, `${at}.facts`)) add(problem.path, problem.message);
  const expected = expect === 'none' ? null : expect;
  if (!Object.hasOwn(raw, 'expect')) add(`${at}.expect`, 'needs the severity the facts should give, or none');
  else if (expected !== null && (typeof expected !== 'string' || !context.severities.includes(expected))) {
    add(`${at}.expect`, `unknown severity "${String(expect)}"; one of ${context.severities.join(', ')}, or none`);
  }
  if (problems.length > before) return undefined;
  return { name: (name as string).trim(), facts: facts as Record<string, unknown>, expect: expected as string | null };
}
