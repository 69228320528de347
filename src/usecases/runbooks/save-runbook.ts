import { runbookVersion } from '../../domain/runbooks/version.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { deleteRunbook as removeRunbook, findRunbook, upsertRunbook } from '../../store/repositories/runbooks.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { detail, type RunbookDetail } from './read-runbooks.js';
import { FileRunbookError, RunbookRefusedError } from './runbook-errors.js';
import { checkRunbookInput } from './validate-runbook.js';

/**
 * Creates or replaces an API runbook (admin) from YAML. Runs under way keep the definition
 * they started with; new runs follow this one.
 */
export async function saveRunbook(deps: Deps, id: string, input: { yaml: string }, principal: Principal): Promise<RunbookDetail> {
  authorize(principal, 'admin');
  const { runbook, problems } = checkRunbookInput(deps, input);
  if (!runbook) throw new RunbookRefusedError(problems);
  if (runbook.id !== id) throw new ValidationError('id', `the runbook says id "${runbook.id}" but is saved as "${id}"; they must be the same`);
  return deps.db.transaction().execute(async (tx) => {
    const existing = await findRunbook(tx, id);
    if (existing?.source === 'file') throw new FileRunbookError(id, existing.file);
    const stored = {
      id,
      source: 'api' as const,
      file: null,
      yaml: input.yaml,
      definition: runbook,
      version: runbookVersion(runbook),
      updatedAt: deps.clock.now().toISOString(),
    };
    await upsertRunbook(tx, stored);
    return detail(stored);
  });
}

/** Deletes an API runbook (admin); runs of it keep their snapshot. */
export async function deleteRunbook(deps: Deps, id: string, principal: Principal): Promise<void> {
  authorize(principal, 'admin');
  await deps.db.transaction().execute(async (tx) => {
    const existing = await findRunbook(tx, id);
    if (!existing) throw new NotFoundError('runbook', id);
    if (existing.source === 'file') throw new FileRunbookError(id, existing.file);
    await removeRunbook(tx, id);
  });
}
