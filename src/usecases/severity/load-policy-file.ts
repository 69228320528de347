import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Actor } from '../../domain/incidents/timeline.js';
import { formatPolicyProblem, type PolicyProblem } from '../../domain/severity/read-policy.js';
import { findLatestPolicy, insertPolicy } from '../../store/repositories/severity.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { readPolicyText } from './policy-context.js';

export const DEFAULT_POLICY_FILE = 'severity.yaml';

export interface PolicyFileLoad {
  /** The file read, or null when none is configured and ./severity.yaml does not exist. */
  file: string | null;
  /** accepted: a new version; unchanged: the same text is in force; refused: the running version stays. */
  outcome: 'accepted' | 'unchanged' | 'refused' | 'absent';
  /** The version in force afterwards (null when none). */
  version: number | null;
  problems: PolicyProblem[];
}

const FILE_ACTOR: Actor = { type: 'system', id: null, name: 'Severity policy file' };

/**
 * Reads the policy file (at start, on SIGHUP, on reload). Accepted and different from the
 * version in force → a new version; refused → every problem logged with its rule or example
 * and line, and the running version stays.
 */
export async function loadSeverityPolicyFile(deps: Deps): Promise<PolicyFileLoad> {
  const configured = deps.settings.severityPolicy;
  const path = configured ?? (existsSync(DEFAULT_POLICY_FILE) ? DEFAULT_POLICY_FILE : undefined);
  const log = deps.logger;
  const current = async () => (await findLatestPolicy(deps.db))?.version ?? null;
  if (!path) return { file: null, outcome: 'absent', version: await current(), problems: [] };
  const inside = relative(process.cwd(), path);
  const file = inside && !inside.startsWith('..') ? inside : path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const problem: PolicyProblem = { path: '', message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, file };
    log?.error({ file }, `severity policy refused: ${formatPolicyProblem(problem)}; the running policy stays`);
    return { file, outcome: 'refused', version: await current(), problems: [problem] };
  }
  const reading = readPolicyText(deps.settings, text, file);
  if (!reading.policy) {
    for (const problem of reading.problems) {
      log?.error(
        { file, line: problem.line, rule: problem.ruleId, example: problem.example, field: problem.path },
        `severity policy refused: ${formatPolicyProblem(problem)}`,
      );
    }
    const version = await current();
    log?.warn({ file, version }, version === null ? 'no severity policy is in force' : `severity policy version ${version} stays in force`);
    return { file, outcome: 'refused', version, problems: reading.problems };
  }
  const stored = await deps.db.transaction().execute(async (tx) => {
    const latest = await findLatestPolicy(tx);
    if (latest?.text === text) return { version: latest.version, inserted: false };
    return { version: (await insertPolicy(tx, { source: 'file', text, createdBy: FILE_ACTOR }, deps.clock.now())).version, inserted: true };
  });
  log?.info({ file, version: stored.version, rules: reading.policy.rules.length, examples: reading.examples.length },
    stored.inserted ? `severity policy version ${stored.version} loaded from ${file}` : `severity policy ${file} unchanged (version ${stored.version})`);
  return { file, outcome: stored.inserted ? 'accepted' : 'unchanged', version: stored.version, problems: [] };
}

/** `POST /api/v1/severity/policy/reload` (admin): read the file again now. */
export async function reloadSeverityPolicyFile(deps: Deps, principal: Principal): Promise<PolicyFileLoad> {
  authorize(principal, 'admin');
  return loadSeverityPolicyFile(deps);
}
