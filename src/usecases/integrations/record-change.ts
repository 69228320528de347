import { newId } from '../../ids.js';
import { parsePagerDutyChange } from '../../integrations/alert-sources/index.js';
import { authenticateIntegration } from '../alerts/authenticate-integration.js';
import { insertIntegrationChange, type IntegrationChange } from '../../store/repositories/integrations.js';
import type { Deps } from '../deps.js';

/**
 * Records a change (a deploy, a config push) sent as a PagerDuty change event
 * (`/v2/change/enqueue`, its routing_key the token of a PagerDuty integration): context for
 * incidents on the integration, never an alert, never a notification.
 */
export async function recordPagerDutyChange(deps: Deps, body: unknown): Promise<IntegrationChange> {
  const routingKey = typeof body === 'object' && body !== null ? (body as { routing_key?: unknown }).routing_key : undefined;
  const { integration } = await authenticateIntegration(deps, { token: typeof routingKey === 'string' ? routingKey : undefined, kind: 'pagerduty' });
  const event = parsePagerDutyChange(body);
  const now = deps.clock.now().toISOString();
  const parsed = event.payload.timestamp ? Date.parse(event.payload.timestamp) : Number.NaN;
  const change: IntegrationChange = {
    id: newId(),
    integrationId: integration.id,
    summary: event.payload.summary,
    source: event.payload.source ?? null,
    happenedAt: Number.isNaN(parsed) ? now : new Date(parsed).toISOString(),
    payload: { ...event, routing_key: undefined },
    createdAt: now,
  };
  await deps.db.transaction().execute((tx) => insertIntegrationChange(tx, change));
  return change;
}
