import { ALERT_SOURCES } from '../alerts/alert-facts.js';
import { ALERT_SEVERITIES } from '../alerts/routing.js';
import { fieldCatalog } from '../conditions/catalog.js';
import type { FieldCatalog, FieldSpec } from '../conditions/types.js';
import type { FieldDefinition } from '../fields/definition.js';
import { INCIDENT_STATUSES } from '../incidents/status.js';

/** SLO burn as the policy sees it: `page` is a fast burn, `ticket` a slow one. */
export const SLO_STATES = ['ok', 'ticket', 'page'] as const;
export type SloState = (typeof SLO_STATES)[number];

/**
 * Hikeshi's own facts. `alert.severity` is a choice (not a severity): `sev_gte`/`sev_lte` compare
 * along the incident severities, which are a different scale.
 */
export const BUILT_IN_FACTS: Readonly<Record<string, FieldSpec>> = {
  'incident.severity': { type: 'severity' },
  'incident.status': { type: 'choice', choices: [...INCIDENT_STATUSES] },
  'incident.title': { type: 'text' },
  'service.tier': { type: 'number' },
  'service.names': { type: 'list' },
  'alert.count': { type: 'number' },
  'alert.title': { type: 'text' },
  'alert.severity': { type: 'choice', choices: [...ALERT_SEVERITIES] },
  'alert.source': { type: 'choice', choices: [...ALERT_SOURCES] },
  'alert.labels.*': { type: 'text' },
  'alert.annotations.*': { type: 'text' },
  'slo.state': { type: 'choice', choices: [...SLO_STATES] },
};

type CustomField = Pick<FieldDefinition, 'key' | 'type' | 'choices'>;

/** The fields a severity rule may name: the incident's custom fields by bare key, then the built-ins. */
export function severityFactCatalog(fields: readonly CustomField[]): FieldCatalog {
  const entries: Record<string, FieldSpec> = {};
  for (const field of fields) {
    entries[field.key] = field.type === 'choice' ? { type: 'choice', choices: (field.choices ?? []).map((choice) => choice.value) } : { type: field.type };
  }
  return fieldCatalog({ ...entries, ...BUILT_IN_FACTS });
}
