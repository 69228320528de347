import { parseFieldPath } from '../conditions/field-path.js';
import type { Facts, FieldCatalog, FieldSpec } from '../conditions/types.js';
import { ALERT_SEVERITIES } from './routing.js';

/** The integration kinds an alert can come from (`alert.source`). */
export const ALERT_SOURCES = ['generic', 'alertmanager', 'grafana', 'datadog', 'pagerduty', 'waroom'] as const;

/** What a routing rule may read of an alert. */
export interface RoutableAlert {
  title: string;
  severity: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  source: string;
}

const FIXED_FIELDS: Readonly<Record<string, FieldSpec>> = {
  'alert.title': { type: 'text' },
  'alert.severity': { type: 'severity', choices: [...ALERT_SEVERITIES] },
  'alert.source': { type: 'choice', choices: [...ALERT_SOURCES] },
};

/** The fields a route's `when` may name: the fixed ones and any `alert.labels.<key>` / `alert.annotations.<key>`. */
export const alertRouteCatalog: FieldCatalog = (field) => {
  if (Object.hasOwn(FIXED_FIELDS, field)) return FIXED_FIELDS[field];
  const segments = parseFieldPath(field);
  if (segments?.length === 3 && segments[0] === 'alert' && (segments[1] === 'labels' || segments[1] === 'annotations')) {
    return { type: 'text' };
  }
  return undefined;
};

/** The facts a route's `when` is evaluated against. */
export function alertFacts(alert: RoutableAlert): Facts {
  return {
    alert: {
      title: alert.title,
      severity: alert.severity,
      source: alert.source,
      labels: { ...alert.labels },
      annotations: { ...alert.annotations },
    },
  };
}
