import { Type } from 'typebox';
import type { AlertEvent, AlertLink } from '../../domain/alerts/alert.js';
import { mapSeverity } from '../../domain/alerts/severity-mapping.js';
import { sourceTime, textRecord, type AlertSource, type ParseContext } from './source.js';

const Labels = Type.Record(Type.String(), Type.String());

export const AlertmanagerAlert = Type.Object({
  status: Type.Union([Type.Literal('firing'), Type.Literal('resolved')]),
  labels: Labels,
  annotations: Type.Optional(Labels),
  startsAt: Type.Optional(Type.String()),
  endsAt: Type.Optional(Type.String()),
  generatorURL: Type.Optional(Type.String()),
  fingerprint: Type.String({ minLength: 1 }),
});

/** Prometheus Alertmanager webhook v4 (`notify/webhook` Message); later fields are allowed through. */
export const AlertmanagerPayload = Type.Object({
  version: Type.Optional(Type.String()),
  groupKey: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  receiver: Type.Optional(Type.String()),
  externalURL: Type.Optional(Type.String()),
  alerts: Type.Array(AlertmanagerAlert),
});

type AmAlert = {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations?: Record<string, string> | undefined;
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  generatorURL?: string | undefined;
  fingerprint: string;
};

/**
 * One event per alert of the group, identified by its fingerprint (the hash of its label
 * set). Each alert's own status decides: a group notification carries the whole group,
 * resolved members included. Shared with Grafana, whose body extends this one.
 */
export function alertmanagerEvents<A extends AmAlert>(
  source: 'alertmanager' | 'grafana',
  payload: { groupKey?: string | undefined; alerts: A[] },
  context: ParseContext,
  extraLinks: (alert: A) => AlertLink[],
): AlertEvent[] {
  return payload.alerts.map((alert) => {
    const labels = textRecord(alert.labels);
    const annotations = textRecord(alert.annotations);
    const severity = mapSeverity(source, labels.severity);
    const links: AlertLink[] = [];
    if (alert.generatorURL) links.push({ href: alert.generatorURL, text: 'Source' });
    if (annotations.runbook_url) links.push({ href: annotations.runbook_url, text: 'Runbook' });
    links.push(...extraLinks(alert));
    return {
      dedupKey: alert.fingerprint,
      action: alert.status === 'resolved' ? 'resolve' : 'trigger',
      occurredAt: sourceTime(alert.status === 'resolved' ? alert.endsAt : alert.startsAt, context.receivedAt),
      title: labels.alertname ?? alert.fingerprint,
      summary: annotations.summary ?? annotations.description ?? '',
      severity: severity.severity,
      sourceSeverity: labels.severity ?? null,
      labels,
      annotations,
      groupKey: payload.groupKey ?? null,
      links,
      payload: alert,
    };
  });
}

export const alertmanager: AlertSource<typeof AlertmanagerPayload> = {
  kind: 'alertmanager',
  schema: AlertmanagerPayload,
  toAlertEvents: (payload, context) => alertmanagerEvents('alertmanager', payload, context, () => []),
};

