import type { Transaction } from 'kysely';
import { buildFacts, type FactsAlert } from '../../domain/severity/build-facts.js';
import { evaluateSeverity } from '../../domain/severity/evaluate.js';
import type { SeverityMatch } from '../../domain/severity/types.js';
import type { Database } from '../../store/schema.js';
import type { Deps } from '../deps.js';
import { policyInForce } from './policy-in-force.js';

/** The parts of an alert the policy may read (`alert.*` facts); `source` is the integration kind. */
export type AlertFactsSource = FactsAlert;

export interface ServiceFactsSource {
  name: string;
  tier: number;
}

/**
 * The severity an incident declared from this alert starts with: the policy's answer with the
 * alert as the only attached alert, else the mildest severity.
 */
export async function severityForNewIncident(
  tx: Transaction<Database>,
  deps: Deps,
  input: { alert: AlertFactsSource; service?: ServiceFactsSource },
): Promise<{ severity: string; matches: SeverityMatch[] }> {
  const severities = deps.settings.severities;
  const mildest = severities[severities.length - 1] as string;
  const inForce = await policyInForce(tx, deps);
  if (!inForce) return { severity: mildest, matches: [] };
  const facts = buildFacts({ services: input.service ? [input.service] : [], alerts: [input.alert] });
  const result = evaluateSeverity(inForce.policy, facts, severities);
  return { severity: result.severity ?? mildest, matches: result.matches };
}
