import { Type } from 'typebox';
import { mapSeverity } from '../../domain/alerts/severity-mapping.js';
import type { AlertSource } from './source.js';

/** Waroom's `POST /v1/events` body (docs.waroom.com, HTTP API integration). */
export const WaroomPayload = Type.Object({
  event: Type.Object({
    title: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    aggregation_key: Type.Optional(Type.String({ minLength: 1 })),
    severity: Type.Optional(Type.String()),
    status: Type.Optional(
      Type.Union([Type.Literal('detected'), Type.Literal('investigating'), Type.Literal('fixing'), Type.Literal('resolved'), Type.Literal('close')]),
    ),
    with_slack_channel: Type.Optional(Type.Boolean()),
  }),
});

/**
 * Events with the same aggregation_key are one alert (without one, the title is the key).
 * `resolved` and `close` resolve it; `detected`, `investigating` and `fixing` keep it firing.
 */
export const waroom: AlertSource<typeof WaroomPayload> = {
  kind: 'waroom',
  schema: WaroomPayload,
  toAlertEvents: ({ event }, context) => {
    const status = event.status ?? 'detected';
    const severity = mapSeverity('waroom', event.severity);
    return [
      {
        dedupKey: event.aggregation_key ?? event.title,
        action: status === 'resolved' || status === 'close' ? 'resolve' : 'trigger',
        occurredAt: context.receivedAt,
        title: event.title,
        summary: event.description ?? '',
        severity: severity.severity,
        sourceSeverity: event.severity ?? null,
        labels: { waroom_status: status },
        annotations: {},
        groupKey: event.aggregation_key ?? null,
        links: [],
        payload: event,
      },
    ];
  },
};
