import { formatProblem } from '../../domain/runbooks/problems.js';
import type { Deps } from '../deps.js';
import { loadRunbookFolder, type FolderLoad } from './load-runbook-folder.js';

/**
 * The runbooks folder at start: every problem is logged with its file, line and field; a
 * refused file is left out and the server starts with the others.
 */
export async function loadRunbooks(deps: Deps): Promise<FolderLoad> {
  const load = await loadRunbookFolder(deps);
  const log = deps.logger;
  if (load.missing) log?.warn({ folder: load.folder }, `runbooks folder ${load.folder} does not exist: no file runbooks loaded`);
  for (const problem of load.problems) {
    if (problem.level === 'error') log?.error({ file: problem.file, line: problem.line, field: problem.path }, `runbook refused: ${formatProblem(problem)}`);
    else log?.warn({ file: problem.file, line: problem.line, field: problem.path }, `runbook: ${formatProblem(problem)}`);
  }
  for (const id of load.replaced) log?.warn({ runbook: id }, `runbook ${id} saved through the API is replaced by the file of the same id`);
  log?.info({ folder: load.folder, runbooks: load.loaded.map((r) => r.id) }, `${load.loaded.length} runbook(s) loaded`);
  return load;
}
