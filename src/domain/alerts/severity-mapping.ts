import type { IntegrationKind } from './alert.js';
import type { AlertSeverity } from './routing.js';

/**
 * Severity strings monitors send, mapped to Hikeshi's four alert severities. Matching is
 * case-insensitive on the trimmed string. A source's own table wins over the common one
 * (Waroom's `low` is still worth a warning; elsewhere `low` is informational). docs/alerts.md
 * shows these tables; keep the two in step.
 */
const COMMON: Readonly<Record<string, AlertSeverity>> = {
  critical: 'critical',
  crit: 'critical',
  fatal: 'critical',
  emergency: 'critical',
  emerg: 'critical',
  alert: 'critical',
  disaster: 'critical',
  page: 'critical',
  p1: 'critical',
  sev1: 'critical',
  sev0: 'critical',
  p0: 'critical',
  error: 'error',
  err: 'error',
  major: 'error',
  high: 'error',
  p2: 'error',
  sev2: 'error',
  warning: 'warning',
  warn: 'warning',
  minor: 'warning',
  medium: 'warning',
  moderate: 'warning',
  average: 'warning',
  ticket: 'warning',
  p3: 'warning',
  sev3: 'warning',
  info: 'info',
  informational: 'info',
  information: 'info',
  low: 'info',
  notice: 'info',
  debug: 'info',
  none: 'info',
  ok: 'info',
  success: 'info',
  p4: 'info',
  p5: 'info',
  sev4: 'info',
  sev5: 'info',
};

const BY_SOURCE: Readonly<Partial<Record<IntegrationKind, Readonly<Record<string, AlertSeverity>>>>> = {
  waroom: { critical: 'critical', high: 'error', low: 'warning', info: 'info' },
};

/** What an alert that names no severity, or one not in the tables, is taken as. */
export const FALLBACK_SEVERITY: AlertSeverity = 'warning';

/**
 * Maps a monitor's severity string; `known` is false when the string was not in the tables
 * (the alert is then a warning, and the original is kept as its source severity).
 */
export function mapSeverity(source: IntegrationKind, raw: string | null | undefined): { severity: AlertSeverity; known: boolean } {
  if (raw === null || raw === undefined || raw.trim() === '') return { severity: FALLBACK_SEVERITY, known: false };
  const key = raw.trim().toLowerCase();
  const own = BY_SOURCE[source];
  const mapped = (own && Object.hasOwn(own, key) ? own[key] : undefined) ?? (Object.hasOwn(COMMON, key) ? COMMON[key] : undefined);
  return mapped ? { severity: mapped, known: true } : { severity: FALLBACK_SEVERITY, known: false };
}

/** The severity table of a source, for documentation and the integration page. */
export function severityTable(source: IntegrationKind): Record<string, AlertSeverity> {
  return { ...COMMON, ...BY_SOURCE[source] };
}
