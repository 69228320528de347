import type { Transaction } from 'kysely';
import type { SeverityMatch } from '../../domain/severity/types.js';
import type { Database } from '../../store/schema.js';
import type { Deps } from '../deps.js';

/** The parts of an alert the policy may read (`alert.*` facts). */
export interface AlertFactsSource {
  title: string;
  severity: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The integration kind: alertmanager, grafana, datadog, pagerduty, waroom, generic. */
  source: string;
}

export interface ServiceFactsSource {
  name: string;
  tier: number;
}

/** The severity an incident declared from this alert starts with: the policy's answer, else the mildest severity. */
export async function severityForNewIncident(
  _tx: Transaction<Database>,
  deps: Deps,
  _input: { alert: AlertFactsSource; service?: ServiceFactsSource },
): Promise<{ severity: string; matches: SeverityMatch[] }> {
  const severities = deps.settings.severities;
  return { severity: severities[severities.length - 1] as string, matches: [] };
}
