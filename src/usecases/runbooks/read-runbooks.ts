import type { RunbookDefinition, RunbookTrigger, LocalizedText } from '../../domain/runbooks/types.js';
import { NotFoundError } from '../../errors.js';
import { findRunbook, listRunbooks as listStored, type RunbookSource, type StoredRunbook } from '../../store/repositories/runbooks.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';

export interface RunbookSummary {
  id: string;
  title: LocalizedText;
  description: LocalizedText | null;
  triggers: RunbookTrigger[];
  source: RunbookSource;
  file: string | null;
  stepCount: number;
  version: string;
}

export interface RunbookDetail extends RunbookSummary {
  definition: RunbookDefinition;
  yaml: string | null;
  updatedAt: string;
}

export async function listRunbooks(deps: Deps, principal: Principal): Promise<{ items: RunbookSummary[] }> {
  authorize(principal, 'viewer');
  return { items: (await listStored(deps.db)).map(summarise) };
}

export async function getRunbook(deps: Deps, id: string, principal: Principal): Promise<RunbookDetail> {
  authorize(principal, 'viewer');
  const stored = await findRunbook(deps.db, id);
  if (!stored) throw new NotFoundError('runbook', id);
  return detail(stored);
}

export function detail(stored: StoredRunbook): RunbookDetail {
  return { ...summarise(stored), definition: stored.definition, yaml: stored.yaml, updatedAt: stored.updatedAt };
}

function summarise(stored: StoredRunbook): RunbookSummary {
  const { definition } = stored;
  return {
    id: stored.id,
    title: definition.title,
    description: definition.description ?? null,
    triggers: definition.triggers,
    source: stored.source,
    file: stored.file,
    stepCount: definition.steps.length,
    version: stored.version,
  };
}
