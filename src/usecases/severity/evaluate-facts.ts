import type { Facts } from '../../domain/conditions/types.js';
import { evaluateSeverity } from '../../domain/severity/evaluate.js';
import type { SeverityMatch, SeverityPolicy } from '../../domain/severity/types.js';
import { NotFoundError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { readPolicyText } from './policy-context.js';
import { policyInForce } from './policy-in-force.js';
import { SeverityPolicyRefusedError } from './severity-errors.js';

export interface DryRun {
  /** null: no rule matched, the policy has no opinion. */
  severity: string | null;
  matches: SeverityMatch[];
  /** The version evaluated, or null for a draft given as text. */
  policyVersion: number | null;
}

/** Dry run: what the policy in force (or a draft) says about these facts. Nothing is stored. */
export async function evaluateSeverityFacts(deps: Deps, input: { facts: Facts; text?: string }, principal: Principal): Promise<DryRun> {
  authorize(principal, 'viewer');
  let policy: SeverityPolicy;
  let policyVersion: number | null = null;
  if (input.text !== undefined) {
    const reading = readPolicyText(deps.settings, input.text);
    if (!reading.policy) throw new SeverityPolicyRefusedError(reading.problems);
    policy = reading.policy;
  } else {
    const inForce = await policyInForce(deps.db, deps);
    if (!inForce) throw new NotFoundError('severity policy', 'in force');
    policy = inForce.policy;
    policyVersion = inForce.stored.version;
  }
  const result = evaluateSeverity(policy, input.facts, deps.settings.severities);
  return { severity: result.severity ?? null, matches: result.matches, policyVersion };
}
