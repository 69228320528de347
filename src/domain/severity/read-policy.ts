import { LineCounter, parseDocument } from 'yaml';
import { offsetOf } from '../yaml/located-yaml.js';
import { checkPolicy, type PolicyContext, type PolicyCheckProblem } from './check-policy.js';
import type { ExampleOutcome } from './examples.js';
import type { SeverityPolicy } from './types.js';

export const POLICY_TEXT_MAX = 256 * 1024;

/** A problem as people read it: the line, the rule id or example name, and the path. */
export interface PolicyProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
  ruleId?: string;
  example?: string;
  file?: string;
}

export interface PolicyReading {
  policy?: SeverityPolicy;
  problems: PolicyProblem[];
  examples: ExampleOutcome[];
}

/**
 * Reads a policy file. Any problem — a YAML error, an unknown field, a wrong type, an unknown
 * severity, a failing example — refuses the whole policy, each one named with its line.
 */
export function readSeverityPolicy(text: string, options: PolicyContext & { file?: string }): PolicyReading {
  const file = options.file === undefined ? {} : { file: options.file };
  if (text.length > POLICY_TEXT_MAX) {
    return { problems: [{ path: '', message: `a policy may be at most ${POLICY_TEXT_MAX / 1024} KiB`, ...file }], examples: [] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return { path: '', message: `YAML: ${error.message.split('\n')[0]}`, line: position.line, column: position.col, ...file };
      }),
      examples: [],
    };
  }
  const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const check = checkPolicy(raw, options);
  const problems = check.problems.map((problem): PolicyProblem => {
    const offset = offsetOf(doc, pathSegments(problem.path));
    const position = offset === undefined ? undefined : lineCounter.linePos(offset);
    return {
      path: problem.path,
      message: problem.message,
      ...(position ? { line: position.line, column: position.col } : {}),
      ...owner(raw, problem),
      ...file,
    };
  });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ...(check.policy ? { policy: check.policy } : {}), problems, examples: check.examples };
}

/** One line per problem: `severity.yaml:12:7 rule "cs-50" rules[1].when.value: must be a number`. */
export function formatPolicyProblem(problem: PolicyProblem): string {
  const place = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const who = problem.ruleId ? `rule "${problem.ruleId}"` : problem.example ? `example "${problem.example}"` : '';
  return [place, who, problem.path ? `${problem.path}:` : '', problem.message].filter(Boolean).join(' ');
}

function owner(raw: unknown, problem: PolicyCheckProblem): Pick<PolicyProblem, 'ruleId' | 'example'> {
  const list = (key: string, index: number | undefined): Record<string, unknown> | undefined => {
    if (index === undefined || typeof raw !== 'object' || raw === null) return undefined;
    const items = (raw as Record<string, unknown>)[key];
    const item = Array.isArray(items) ? (items[index] as unknown) : undefined;
    return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
  };
  const rule = list('rules', problem.rule);
  if (typeof rule?.id === 'string') return { ruleId: rule.id };
  const example = list('examples', problem.example);
  if (typeof example?.name === 'string') return { example: example.name };
  return {};
}

/** `rules[2].when.all[1].value` → ['rules', 2, 'when', 'all', 1, 'value']; a `["k"]` segment is a key. */
export function pathSegments(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) segments.push(match[3].replace(/\\(.)/g, '$1'));
  }
  return segments;
}
