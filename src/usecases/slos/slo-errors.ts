import type { SloFileProblem } from '../../domain/slo/read-slo-file.js';
import { ConflictError, HikeshiError } from '../../errors.js';

/** An SLO document refused as a whole: nothing was saved; `problems` lists each with line and field. */
export class SloRefusedError extends HikeshiError {
  readonly code = 'slo.invalid';
  constructor(readonly problems: readonly SloFileProblem[]) {
    const first = problems[0];
    super(`The SLO is refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}, the first at ${first?.line ? `line ${first.line} ` : ''}${first?.path || 'the top'}: ${first?.message ?? ''}`);
  }
}

/** An SLO read from the slos folder is changed by editing its file, not through the API. */
export class FileSloError extends ConflictError {
  constructor(id: string, file: string | null) {
    super(`SLO "${id}" is loaded from ${file ?? 'the slos folder'}; edit the file instead (it is read at start).`, 'slo.file_managed');
  }
}
