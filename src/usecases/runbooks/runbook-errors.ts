import type { RunbookProblem } from '../../domain/runbooks/problems.js';
import { ConflictError, HikeshiError } from '../../errors.js';

/** A runbook refused as a whole (PUT): nothing was saved; `problems` lists every one. */
export class RunbookRefusedError extends HikeshiError {
  readonly code = 'runbook.invalid';
  constructor(readonly problems: readonly RunbookProblem[]) {
    const errors = problems.filter((p) => p.level === 'error');
    super(`The runbook is refused: ${errors.length} problem${errors.length === 1 ? '' : 's'}, the first at ${errors[0]?.path || 'the top'}: ${errors[0]?.message ?? ''}`);
  }
}

/** A runbook read from the runbooks folder is changed by editing its file, not through the API. */
export class FileRunbookError extends ConflictError {
  constructor(id: string, file: string | null) {
    super(`Runbook "${id}" is loaded from ${file ?? 'the runbooks folder'}; edit the file instead (it is read at start).`, 'runbook.file_managed');
  }
}
