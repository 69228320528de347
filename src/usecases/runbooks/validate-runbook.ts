import { parseRunbookFile } from '../../domain/runbooks/parse-file.js';
import type { RunbookProblem } from '../../domain/runbooks/problems.js';
import { pickText } from '../../domain/runbooks/text.js';
import type { RunbookDefinition } from '../../domain/runbooks/types.js';
import { validateRunbook as checkDefinition } from '../../domain/runbooks/validate.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { runbookContext } from './runbook-context.js';

/** The name YAML from the editor is parsed under; the answer drops it (the editor knows its text). */
const EDITOR_FILE = 'runbook.yaml';

export type RunbookInput = { yaml: string } | { definition: unknown };

export interface RunbookValidationView {
  valid: boolean;
  /** Without `file`: the editor knows which text it sent. YAML input gives lines and columns. */
  problems: Array<Omit<RunbookProblem, 'file'>>;
  runbook?: { id: string; title: string; stepCount: number };
}

/** What the editor calls as people type: every problem, nothing stored. */
export async function validateRunbookInput(deps: Deps, input: RunbookInput, principal: Principal): Promise<RunbookValidationView> {
  authorize(principal, 'viewer');
  const { runbook, problems } = checkRunbookInput(deps, input);
  return {
    valid: runbook !== undefined,
    problems,
    ...(runbook ? { runbook: { id: runbook.id, title: pickText(runbook.title, 'en'), stepCount: runbook.steps.length } } : {}),
  };
}

export function checkRunbookInput(deps: Deps, input: RunbookInput): { runbook?: RunbookDefinition; problems: Array<Omit<RunbookProblem, 'file'>> } {
  const ctx = runbookContext(deps.settings);
  const result = 'yaml' in input ? parseRunbookFile(input.yaml, EDITOR_FILE, ctx) : checkDefinition(input.definition, ctx);
  return { ...(result.runbook ? { runbook: result.runbook } : {}), problems: result.problems.map(({ file: _file, ...problem }) => problem) };
}
