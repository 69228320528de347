import { ALERT_SEVERITIES } from '../alerts/routing.js';
import type { Facts } from '../conditions/types.js';
import type { SloState } from './fact-catalog.js';

export interface FactsAlert {
  title: string;
  severity: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  source: string;
}

export interface FactsInput {
  /** Absent for an alert that is about to declare an incident. */
  incident?: { severity: string; status: string; title: string; fields: Readonly<Record<string, unknown>> };
  services: ReadonlyArray<{ name: string; tier: number }>;
  /** The open alerts attached to the incident (or the one alert about to declare it). */
  alerts: readonly FactsAlert[];
}

/**
 * One plain object of everything rules read: custom fields by bare key, then Hikeshi's own
 * facts (`incident.*`, `service.*`, `alert.*`, `slo.state`), which a custom key cannot shadow.
 */
export function buildFacts(input: FactsInput): Facts {
  const facts: Record<string, unknown> = {};
  if (input.incident) {
    for (const [key, value] of Object.entries(input.incident.fields)) {
      if (value !== null && value !== undefined) facts[key] = value;
    }
    const { severity, status, title } = input.incident;
    facts.incident = { severity, status, title };
  }
  facts.service = serviceFacts(input.services);
  facts.alert = alertFacts(input.alerts);
  facts.slo = { state: sloState(input.alerts) };
  return facts;
}

function serviceFacts(services: FactsInput['services']): Record<string, unknown> {
  const names = services.map((service) => service.name).sort();
  return services.length ? { tier: Math.min(...services.map((service) => service.tier)), names } : { names };
}

/** The worst open alert speaks for the labels; ties go to the first (oldest) one. */
function alertFacts(alerts: readonly FactsAlert[]): Record<string, unknown> {
  const worst = [...alerts].sort((a, b) => rank(a.severity) - rank(b.severity))[0];
  if (!worst) return { count: 0 };
  return {
    count: alerts.length,
    severity: worst.severity,
    source: worst.source,
    title: worst.title,
    labels: { ...worst.labels },
    annotations: { ...worst.annotations },
  };
}

function rank(severity: string): number {
  const index = (ALERT_SEVERITIES as readonly string[]).indexOf(severity);
  return index < 0 ? ALERT_SEVERITIES.length : index;
}

/** Until SLOs exist, burn comes from alerts: Sloth's `sloth_severity` label, or `slo_burn`. */
function sloState(alerts: readonly FactsAlert[]): SloState {
  let state: SloState = 'ok';
  for (const alert of alerts) {
    const burn = alert.labels.sloth_severity ?? alert.labels.slo_burn;
    if (burn === 'page') return 'page';
    if (burn === 'ticket') state = 'ticket';
  }
  return state;
}
