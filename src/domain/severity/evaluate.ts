import { conditionHolds, evaluateCondition } from '../conditions/evaluate-condition.js';
import type { Facts } from '../conditions/types.js';
import type { SeverityPolicy, SeverityResult } from './types.js';

/**
 * Every rule is evaluated; the worst matching severity wins (severities are listed worst first).
 * Matches come in the policy's order, each with the facts that made it match.
 */
export function evaluateSeverity(policy: Pick<SeverityPolicy, 'rules'>, facts: Facts, severities: readonly string[]): SeverityResult {
  const matches: SeverityResult['matches'] = [];
  let worst: number | undefined;
  for (const rule of policy.rules) {
    if (!conditionHolds(rule.when, facts, severities)) continue;
    matches.push({ ruleId: rule.id, severity: rule.severity, reason: rule.reason, evidence: evaluateCondition(rule.when, facts, severities).evidence });
    const rank = severities.indexOf(rule.severity);
    if (rank >= 0 && (worst === undefined || rank < worst)) worst = rank;
  }
  return worst === undefined ? { matches } : { severity: severities[worst] as string, matches };
}

/** True when `a` is a worse severity than `b`. Unknown severities are never worse. */
export function isWorse(a: string, b: string, severities: readonly string[]): boolean {
  const rankA = severities.indexOf(a);
  const rankB = severities.indexOf(b);
  return rankA >= 0 && (rankB < 0 || rankA < rankB);
}
