import type { Actor } from '../../domain/incidents/timeline.js';
import type { ExampleOutcome } from '../../domain/severity/examples.js';
import type { PolicyProblem } from '../../domain/severity/read-policy.js';
import type { SeverityPolicy } from '../../domain/severity/types.js';
import { NotFoundError } from '../../errors.js';
import { findLatestPolicy, insertPolicy } from '../../store/repositories/severity.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { readPolicyText } from './policy-context.js';
import { policyInForce } from './policy-in-force.js';
import { summarizeRules, type RuleSummary } from './policy-summary.js';
import { SeverityPolicyRefusedError } from './severity-errors.js';

export interface PolicyView {
  version: number;
  source: 'file' | 'api';
  text: string;
  policy: SeverityPolicy;
  rules: RuleSummary[];
  createdBy: Actor;
  createdAt: string;
}

export interface PolicyValidation {
  ok: boolean;
  problems: PolicyProblem[];
  examples: ExampleOutcome[];
}

/** The policy in force; 404 when none was ever accepted. */
export async function getSeverityPolicy(deps: Deps, principal: Principal): Promise<PolicyView> {
  authorize(principal, 'viewer');
  const inForce = await policyInForce(deps.db, deps);
  if (!inForce) throw new NotFoundError('severity policy', 'in force');
  const { stored, policy } = inForce;
  return { version: stored.version, source: stored.source, text: stored.text, policy, rules: summarizeRules(policy), createdBy: stored.createdBy, createdAt: stored.createdAt };
}

/** Checks a draft as the loader would, examples included, without saving it (the web editor calls this as people type). */
export function validateSeverityPolicy(deps: Deps, text: string, principal: Principal): PolicyValidation {
  authorize(principal, 'viewer');
  const reading = readPolicyText(deps.settings, text);
  return { ok: reading.policy !== undefined, problems: reading.problems, examples: reading.examples };
}

/**
 * Saves a policy written through the API (admin) as the next version; the same text as the
 * policy in force makes no new version. Refused with every problem otherwise.
 */
export async function putSeverityPolicy(deps: Deps, text: string, principal: Principal): Promise<PolicyView> {
  authorize(principal, 'admin');
  const reading = readPolicyText(deps.settings, text);
  if (!reading.policy) throw new SeverityPolicyRefusedError(reading.problems);
  const policy = reading.policy;
  const stored = await deps.db.transaction().execute(async (tx) => {
    const latest = await findLatestPolicy(tx);
    if (latest?.text === text) return latest;
    return insertPolicy(tx, { source: 'api', text, createdBy: principal.actor }, deps.clock.now());
  });
  if (stored.source === 'api') deps.logger?.info({ version: stored.version, by: principal.actor.name }, `severity policy version ${stored.version} saved through the API`);
  return { version: stored.version, source: stored.source, text: stored.text, policy, rules: summarizeRules(policy), createdBy: stored.createdBy, createdAt: stored.createdAt };
}
