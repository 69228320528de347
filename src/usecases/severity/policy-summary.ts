import type { Condition } from '../../domain/conditions/types.js';
import type { SeverityPolicy } from '../../domain/severity/types.js';

export interface RuleSummary {
  id: string;
  severity: string;
  reason: { en: string; ja: string };
  /** The facts the rule reads, so people can ask "which rules use service.tier?". */
  fields: string[];
}

export function summarizeRules(policy: SeverityPolicy): RuleSummary[] {
  return policy.rules.map((rule) => ({ id: rule.id, severity: rule.severity, reason: rule.reason, fields: [...new Set(fieldsOf(rule.when))] }));
}

function fieldsOf(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(fieldsOf);
  if ('any' in condition) return condition.any.flatMap(fieldsOf);
  if ('not' in condition) return fieldsOf(condition.not);
  return [condition.field];
}
