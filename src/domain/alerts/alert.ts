import type { Actor } from '../incidents/timeline.js';
import type { AlertSeverity } from './routing.js';

export const INTEGRATION_KINDS = ['generic', 'alertmanager', 'grafana', 'datadog', 'pagerduty', 'waroom'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

export type AlertStatus = 'firing' | 'acknowledged' | 'resolved';

export type AlertEventKind =
  | 'triggered'
  | 'repeated'
  | 'acknowledged'
  | 'resolved'
  | 'routed'
  | 'paged'
  | 'declared'
  | 'attached'
  | (string & {});

export interface AlertLink {
  href: string;
  text?: string;
}

/**
 * What a source's parser makes of one alert in a payload: the same shape whatever the
 * monitor. `dedupKey` is the source's identity of the alert (fingerprint, dedup_key,
 * aggregation key…); `action` is what the monitor says happened to it.
 */
export interface AlertEvent {
  dedupKey: string;
  action: 'trigger' | 'acknowledge' | 'resolve';
  /** When the monitor says it happened (an alert's start, its end), else when it arrived. */
  occurredAt: string;
  title: string;
  summary: string;
  severity: AlertSeverity;
  /** The severity string as the monitor sent it (null when it sent none). */
  sourceSeverity: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  groupKey: string | null;
  links: AlertLink[];
  /** The payload part this event came from, kept as the alert's last payload. */
  payload: unknown;
}

export interface Alert {
  id: string;
  number: number;
  integrationId: string | null;
  source: IntegrationKind;
  dedupKey: string;
  status: AlertStatus;
  title: string;
  summary: string;
  severity: AlertSeverity;
  sourceSeverity: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  groupKey: string | null;
  links: AlertLink[];
  occurrences: number;
  firstSeenAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  lastPayload: unknown;
  serviceId: string | null;
  incidentId: string | null;
  pageId: string | null;
  routedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AlertTimelineEvent {
  id: string;
  alertId: string;
  kind: AlertEventKind;
  count: number;
  at: string;
  actor: Actor | null;
  detail: Record<string, unknown> | null;
}

/** The unique key of an alert while it is open (firing or acknowledged). */
export function openKeyOf(integrationId: string, dedupKey: string): string {
  return `${integrationId}:${dedupKey}`;
}
