import { Type } from 'typebox';
import type { AlertLink } from '../../domain/alerts/alert.js';
import { mapSeverity } from '../../domain/alerts/severity-mapping.js';
import { sourceTime, type AlertSource } from './source.js';

/**
 * The body Hikeshi's Datadog payload template (DATADOG_TEMPLATE) produces: every value a
 * string, since Datadog substitutes `$VARIABLES` into text.
 */
export const DatadogPayload = Type.Object({
  schema: Type.Optional(Type.String()),
  event_id: Type.Optional(Type.String()),
  alert_id: Type.Optional(Type.String()),
  alert_cycle_key: Type.Optional(Type.String()),
  aggreg_key: Type.Optional(Type.String()),
  transition: Type.String({ minLength: 1 }),
  alert_type: Type.Optional(Type.String()),
  alert_priority: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
  alert_title: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  scope: Type.Optional(Type.String()),
  tags: Type.Optional(Type.String()),
  service: Type.Optional(Type.String()),
  env: Type.Optional(Type.String()),
  event_type: Type.Optional(Type.String()),
  link: Type.Optional(Type.String()),
  date: Type.Optional(Type.String()),
  last_updated: Type.Optional(Type.String()),
  org_id: Type.Optional(Type.String()),
});

/** Paste into the Datadog webhook's Payload box (Integrations → Webhooks). */
export const DATADOG_TEMPLATE = {
  schema: 'hikeshi.datadog.v1',
  event_id: '$ID',
  alert_id: '$ALERT_ID',
  alert_cycle_key: '$ALERT_CYCLE_KEY',
  aggreg_key: '$AGGREG_KEY',
  transition: '$ALERT_TRANSITION',
  alert_type: '$ALERT_TYPE',
  alert_priority: '$ALERT_PRIORITY',
  title: '$EVENT_TITLE',
  alert_title: '$ALERT_TITLE',
  message: '$TEXT_ONLY_MSG',
  scope: '$ALERT_SCOPE',
  tags: '$TAGS',
  service: '$TAGS[service]',
  env: '$TAGS[env]',
  event_type: '$EVENT_TYPE',
  link: '$LINK',
  date: '$DATE',
  last_updated: '$LAST_UPDATED',
  org_id: '$ORG_ID',
} as const;

/** Datadog leaves a variable it has no value for empty, or (in tests from the UI) as written. */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && !trimmed.startsWith('$') ? trimmed : undefined;
}

/** `env:prod, service:api, team` → {env: 'prod', service: 'api', team: ''}. */
function tagLabels(tags: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const tag of (given(tags) ?? '').split(',')) {
    const trimmed = tag.trim();
    if (!trimmed) continue;
    const colon = trimmed.indexOf(':');
    if (colon === -1) labels[trimmed] = '';
    else labels[trimmed.slice(0, colon)] = trimmed.slice(colon + 1);
  }
  return labels;
}

const WARN_TRANSITIONS = new Set(['warn', 're-warn', 'no data', 're-no data']);

/**
 * Identity: the alert cycle key (trigger to recovery), else the monitor id and the scope
 * (a multi-alert monitor notifies per group). `Recovered` resolves; Re-Triggered and
 * Renotify are repeats. The monitor priority P1–P5 decides severity; without one, Warn and
 * No Data are warnings and the alert type decides the rest.
 */
export const datadog: AlertSource<typeof DatadogPayload> = {
  kind: 'datadog',
  schema: DatadogPayload,
  check: (payload) =>
    given(payload.alert_cycle_key) || given(payload.alert_id) ? undefined : { field: 'alert_cycle_key', reason: 'or alert_id is required' },
  toAlertEvents: (payload, context) => {
    const transition = payload.transition.trim();
    const priority = given(payload.alert_priority);
    const type = given(payload.alert_type);
    const severity = priority
      ? mapSeverity('datadog', priority).severity
      : WARN_TRANSITIONS.has(transition.toLowerCase())
        ? 'warning'
        : mapSeverity('datadog', type === 'success' ? 'error' : type).severity;
    const labels: Record<string, string> = { ...tagLabels(payload.tags) };
    const service = given(payload.service);
    const env = given(payload.env);
    if (service) labels.service = service;
    if (env) labels.env = env;
    if (given(payload.alert_id)) labels.monitor_id = given(payload.alert_id)!;
    if (given(payload.event_type)) labels.event_type = given(payload.event_type)!;
    const links: AlertLink[] = given(payload.link) ? [{ href: given(payload.link)!, text: 'Datadog' }] : [];
    const date = given(payload.date);
    return [
      {
        dedupKey: given(payload.alert_cycle_key) ?? `${given(payload.alert_id)}|${given(payload.scope) ?? ''}`,
        action: transition === 'Recovered' ? 'resolve' : 'trigger',
        occurredAt: date && /^\d+$/.test(date) ? new Date(Number(date)).toISOString() : sourceTime(date, context.receivedAt),
        title: given(payload.alert_title) ?? given(payload.title) ?? `Datadog monitor ${given(payload.alert_id) ?? ''}`.trim(),
        summary: given(payload.message) ?? '',
        severity,
        sourceSeverity: priority ?? type ?? null,
        labels,
        annotations: { transition, ...(given(payload.scope) && { scope: given(payload.scope)! }) },
        groupKey: given(payload.aggreg_key) ?? null,
        links,
        payload,
      },
    ];
  },
};
