import { Type } from 'typebox';
import type { AlertLink } from '../../domain/alerts/alert.js';
import type { AlertSeverity } from '../../domain/alerts/routing.js';
import { sourceTime, textRecord, type AlertSource } from './source.js';

const Severity = Type.Union([Type.Literal('critical'), Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]);

/** PagerDuty Events API v2 (`/v2/enqueue`), as PagerDuty's OpenAPI describes it. */
export const PagerDutyEvent = Type.Object({
  routing_key: Type.String({ minLength: 1 }),
  event_action: Type.Union([Type.Literal('trigger'), Type.Literal('acknowledge'), Type.Literal('resolve')]),
  dedup_key: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  payload: Type.Optional(
    Type.Object({
      summary: Type.String({ minLength: 1, maxLength: 1024 }),
      source: Type.String({ minLength: 1 }),
      severity: Severity,
      timestamp: Type.Optional(Type.String()),
      component: Type.Optional(Type.String()),
      group: Type.Optional(Type.String()),
      class: Type.Optional(Type.String()),
      custom_details: Type.Optional(Type.Unknown()),
    }),
  ),
  links: Type.Optional(Type.Array(Type.Object({ href: Type.String(), text: Type.Optional(Type.String()) }))),
  images: Type.Optional(Type.Array(Type.Object({ src: Type.String(), href: Type.Optional(Type.String()), alt: Type.Optional(Type.String()) }))),
  client: Type.Optional(Type.String()),
  client_url: Type.Optional(Type.String()),
});

/** A change event (`/v2/change/enqueue`): context for incidents, never an alert. */
export const PagerDutyChangeEvent = Type.Object({
  routing_key: Type.String({ minLength: 1 }),
  payload: Type.Object({
    summary: Type.String({ minLength: 1, maxLength: 1024 }),
    source: Type.Optional(Type.String()),
    timestamp: Type.Optional(Type.String()),
    custom_details: Type.Optional(Type.Unknown()),
  }),
  links: Type.Optional(Type.Array(Type.Object({ href: Type.String(), text: Type.Optional(Type.String()) }))),
});

/**
 * Trigger, acknowledge and resolve keep PagerDuty's meaning: events with the same dedup_key
 * (under the same routing key) apply to the open alert; a trigger without one gets a fresh
 * key, answered in the 202. Acknowledge and resolve need a dedup_key.
 */
export const pagerduty: AlertSource<typeof PagerDutyEvent> = {
  kind: 'pagerduty',
  schema: PagerDutyEvent,
  check: (event) => {
    if (event.event_action === 'trigger' && !event.payload) return { field: 'payload', reason: 'is required for a trigger' };
    if (event.event_action !== 'trigger' && !event.dedup_key) return { field: 'dedup_key', reason: `is required for ${event.event_action}` };
    return undefined;
  },
  toAlertEvents: (event, context) => {
    const details = event.payload?.custom_details;
    const labels: Record<string, string> = {};
    if (event.payload) {
      labels.source = event.payload.source;
      if (event.payload.component) labels.component = event.payload.component;
      if (event.payload.group) labels.group = event.payload.group;
      if (event.payload.class) labels.class = event.payload.class;
    }
    const links: AlertLink[] = (event.links ?? []).map((link) => ({ href: link.href, ...(link.text && { text: link.text }) }));
    if (event.client_url) links.push({ href: event.client_url, text: event.client ?? 'Client' });
    const severity: AlertSeverity = event.payload?.severity ?? 'warning';
    return [
      {
        dedupKey: event.dedup_key ?? context.newKey(),
        action: event.event_action,
        occurredAt: sourceTime(event.payload?.timestamp, context.receivedAt),
        title: event.payload?.summary ?? '',
        summary: '',
        severity,
        sourceSeverity: event.payload?.severity ?? null,
        labels,
        annotations: details && typeof details === 'object' && !Array.isArray(details) ? textRecord(details as Record<string, unknown>) : {},
        groupKey: event.payload?.group ?? null,
        links,
        payload: { ...event, routing_key: undefined },
      },
    ];
  },
};
