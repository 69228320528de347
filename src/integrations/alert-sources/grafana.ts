import { Type } from 'typebox';
import type { AlertLink } from '../../domain/alerts/alert.js';
import { AlertmanagerAlert, alertmanagerEvents } from './alertmanager.js';
import type { AlertSource } from './source.js';

const GrafanaAlert = Type.Intersect([
  AlertmanagerAlert,
  Type.Object({
    silenceURL: Type.Optional(Type.String()),
    dashboardURL: Type.Optional(Type.String()),
    panelURL: Type.Optional(Type.String()),
    imageURL: Type.Optional(Type.String()),
  }),
]);

/**
 * Grafana unified alerting webhook (`version: "1"`): Alertmanager's body, extended. A
 * contact point with a custom payload template (Grafana 12) sends something else; the
 * `alerts` list is then missing and the answer says so.
 */
export const GrafanaPayload = Type.Object({
  version: Type.Optional(Type.String()),
  groupKey: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  orgId: Type.Optional(Type.Number()),
  alerts: Type.Array(GrafanaAlert, { description: 'Grafana’s default webhook body (remove a custom payload template)' }),
});

function grafanaLinks(alert: { silenceURL?: string; dashboardURL?: string; panelURL?: string; imageURL?: string }): AlertLink[] {
  const links: AlertLink[] = [];
  if (alert.dashboardURL) links.push({ href: alert.dashboardURL, text: 'Dashboard' });
  if (alert.panelURL) links.push({ href: alert.panelURL, text: 'Panel' });
  if (alert.silenceURL) links.push({ href: alert.silenceURL, text: 'Silence' });
  if (alert.imageURL) links.push({ href: alert.imageURL, text: 'Image' });
  return links;
}

export const grafana: AlertSource<typeof GrafanaPayload> = {
  kind: 'grafana',
  schema: GrafanaPayload,
  toAlertEvents: (payload, context) => alertmanagerEvents('grafana', payload, context, grafanaLinks),
};
