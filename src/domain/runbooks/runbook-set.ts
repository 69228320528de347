import type { RunbookProblem } from './problems.js';
import type { RunbookDefinition } from './types.js';
import type { RunbookValidation } from './validate.js';

export interface LoadedRunbooks {
  /** The runbooks that validated, in file order; a repeated id keeps the first. */
  runbooks: RunbookDefinition[];
  /** Every problem of every file, plus ids used by two files. */
  problems: RunbookProblem[];
}

/**
 * Combines the runbook files of a folder (each already parsed with `parseRunbookFile`).
 * Two files with one id would make "start runbook X" ambiguous: the second is refused.
 */
export function combineRunbookFiles(files: ReadonlyArray<{ file: string } & RunbookValidation>): LoadedRunbooks {
  const runbooks: RunbookDefinition[] = [];
  const problems: RunbookProblem[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, runbook, problems: own } of files) {
    problems.push(...own);
    if (!runbook) continue;
    const first = fileOf.get(runbook.id);
    if (first !== undefined) {
      problems.push({ level: 'error', path: 'id', message: `runbook id "${runbook.id}" is already used by ${first}`, file });
      continue;
    }
    fileOf.set(runbook.id, file);
    runbooks.push(runbook);
  }
  return { runbooks, problems };
}

/** True when nothing refuses a runbook (warnings allowed). */
export function hasErrors(problems: readonly RunbookProblem[]): boolean {
  return problems.some((problem) => problem.level === 'error');
}
