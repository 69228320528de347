import { Type } from 'typebox';
import type { AlertEvent } from '../../domain/alerts/alert.js';
import { mapSeverity } from '../../domain/alerts/severity-mapping.js';
import { sourceTime, type AlertSource, type ParseContext } from './source.js';

const Text = Type.Record(Type.String(), Type.String());

/** One alert in Hikeshi's own JSON format (docs/alerts.md). */
export const GenericAlert = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 1024 }),
  dedupKey: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  status: Type.Optional(Type.Union([Type.Literal('firing'), Type.Literal('acknowledged'), Type.Literal('resolved')])),
  summary: Type.Optional(Type.String()),
  severity: Type.Optional(Type.String()),
  labels: Type.Optional(Text),
  annotations: Type.Optional(Text),
  group: Type.Optional(Type.String()),
  links: Type.Optional(Type.Array(Type.Object({ href: Type.String({ minLength: 1 }), text: Type.Optional(Type.String()) }))),
  timestamp: Type.Optional(Type.String()),
});

const GenericBatch = Type.Object({ alerts: Type.Array(GenericAlert, { minItems: 1 }) });
/** Either one alert, or several under `alerts`. */
export const GenericPayload = Type.Union([GenericBatch, GenericAlert]);

type GenericAlertValue = {
  title: string;
  dedupKey?: string | undefined;
  status?: 'firing' | 'acknowledged' | 'resolved' | undefined;
  summary?: string | undefined;
  severity?: string | undefined;
  labels?: Record<string, string> | undefined;
  annotations?: Record<string, string> | undefined;
  group?: string | undefined;
  links?: { href: string; text?: string | undefined }[] | undefined;
  timestamp?: string | undefined;
};

const ACTIONS = { firing: 'trigger', acknowledged: 'acknowledge', resolved: 'resolve' } as const;

function toEvent(alert: GenericAlertValue, context: ParseContext): AlertEvent {
  const severity = mapSeverity('generic', alert.severity);
  return {
    dedupKey: alert.dedupKey ?? alert.title,
    action: ACTIONS[alert.status ?? 'firing'],
    occurredAt: sourceTime(alert.timestamp, context.receivedAt),
    title: alert.title,
    summary: alert.summary ?? '',
    severity: severity.severity,
    sourceSeverity: alert.severity ?? null,
    labels: alert.labels ?? {},
    annotations: alert.annotations ?? {},
    groupKey: alert.group ?? null,
    links: (alert.links ?? []).map((link) => ({ href: link.href, ...(link.text !== undefined && { text: link.text }) })),
    payload: alert,
  };
}

/** The alert without a dedupKey is keyed by its title: the same title is the same alert. */
export const generic: AlertSource<typeof GenericPayload> = {
  kind: 'generic',
  schema: GenericPayload,
  explainWith: (body) => (typeof body === 'object' && body !== null && 'alerts' in body ? GenericBatch : GenericAlert),
  toAlertEvents: (payload, context) => ('alerts' in payload ? payload.alerts : [payload]).map((alert) => toEvent(alert, context)),
};
