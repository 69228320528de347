import { type DocumentPath, type ProblemList, quote } from './problems.js';
import { checkKeys, isRecord, readId } from './read.js';
import type { BranchStep } from './types.js';

export function readBranch(raw: Record<string, unknown>, at: DocumentPath, id: string, problems: ProblemList): BranchStep {
  checkKeys(raw, ['id', 'type', 'cases', 'default'], at, problems);
  const step: BranchStep = { type: 'branch', id, cases: [] };
  if (raw.default !== undefined) {
    const target = readId(raw.default, [...at, 'default'], problems);
    if (target !== undefined) step.default = target;
  }
  if (!Array.isArray(raw.cases) || raw.cases.length === 0) {
    problems.error([...at, 'cases'], 'a branch needs a non-empty list of cases ({when, goto})');
    return step;
  }
  raw.cases.forEach((item, index) => {
    const caseAt = [...at, 'cases', index];
    if (!isRecord(item)) {
      problems.error(caseAt, 'must be {when, goto}');
      return;
    }
    checkKeys(item, ['when', 'goto'], caseAt, problems);
    const goto = readId(item.goto, [...caseAt, 'goto'], problems);
    const when = readCondition(item.when, [...caseAt, 'when'], problems);
    if (goto !== undefined && when !== undefined) step.cases.push({ when, goto });
  });
  return step;
}

const OPERATORS = ['equals', 'in', 'gte', 'lte', 'yes'] as const;

function readCondition(raw: unknown, at: DocumentPath, problems: ProblemList): BranchStep['cases'][number]['when'] | undefined {
  if (!isRecord(raw)) {
    problems.error(at, `must be {step, ${OPERATORS.join('|')}}`);
    return undefined;
  }
  checkKeys(raw, ['step', ...OPERATORS], at, problems);
  const step = readId(raw.step, [...at, 'step'], problems);
  const given = OPERATORS.filter((operator) => raw[operator] !== undefined);
  if (given.length !== 1) {
    problems.error(at, `needs exactly one of ${OPERATORS.join(', ')}${given.length ? ` (got ${given.join(' and ')})` : ''}`);
    return undefined;
  }
  const operator = given[0]!;
  const value = raw[operator];
  if (step === undefined) return undefined;
  switch (operator) {
    case 'yes':
      if (typeof value !== 'boolean') return void problems.error([...at, 'yes'], `must be true or false (got ${quote(value)})`);
      return { step, yes: value };
    case 'in':
      if (!Array.isArray(value) || !value.length || !value.every(isScalar)) return void problems.error([...at, 'in'], 'must be a non-empty list of values');
      return { step, in: value };
    case 'equals':
      if (!isScalar(value)) return void problems.error([...at, 'equals'], `must be a single value (got ${quote(value)})`);
      return { step, equals: value };
    case 'gte':
    case 'lte':
      if (typeof value !== 'number' && typeof value !== 'string') return void problems.error([...at, operator], `must be a number or a time (got ${quote(value)})`);
      return operator === 'gte' ? { step, gte: value } : { step, lte: value };
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
