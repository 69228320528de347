import type { RecordedAnswer } from './run-state.js';
import type { BranchCondition, BranchStep, FieldValue } from './types.js';

/**
 * Where a branch leads given the answers so far: the first case that holds, else the
 * default. A question that was skipped holds no case. A multi-choice answer `equals` a
 * value it includes, and is `in` a list it shares a value with.
 */
export function branchTarget(step: BranchStep, answers: Readonly<Record<string, RecordedAnswer>>, fallThrough: string): string {
  const match = step.cases.find((c) => {
    const answer = Object.hasOwn(answers, c.when.step) ? answers[c.when.step] : undefined;
    return answer !== undefined && conditionHolds(c.when, answer.value);
  });
  return match?.goto ?? step.default ?? fallThrough;
}

export function conditionHolds(when: BranchCondition, value: FieldValue): boolean {
  const values = Array.isArray(value) ? value : [value];
  if ('yes' in when) return value === when.yes;
  if ('equals' in when) return values.some((v) => v === when.equals);
  if ('in' in when) return values.some((v) => when.in.includes(v));
  const [bound, compare] = 'gte' in when ? [when.gte, (d: number) => d >= 0] : [when.lte, (d: number) => d <= 0];
  if (typeof value === 'number' && typeof bound === 'number') return compare(value - bound);
  if (typeof value === 'string' && typeof bound === 'string') return compare(Date.parse(value) - Date.parse(bound));
  return false;
}
