import type { LineProblem } from '../../errors.js';
import { clean } from '../output.js';

/** `  line 7: No person matches "Nobody" … (unknown_person)`, one per problem, by line. */
export function lineProblems(problems: readonly LineProblem[]): string {
  return problems.map((p) => `  line ${p.line}: ${clean(p.message)} (${p.code})\n`).join('');
}
