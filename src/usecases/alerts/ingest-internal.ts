import type { AlertEvent, IntegrationKind } from '../../domain/alerts/alert.js';
import type { ItemOutcome } from '../../domain/alerts/ingest-batch.js';
import type { AlertRoute } from '../../domain/alerts/routing.js';
import { newId } from '../../ids.js';
import { findIntegrationByName, insertIntegration, updateIntegration, type Integration } from '../../store/repositories/integrations.js';
import type { Deps } from '../deps.js';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../integrations/integration-input.js';
import { hashIntegrationToken, integrationTokenHint, newIntegrationToken } from '../integrations/integration-token.js';
import { ingestAlertBatch } from './ingest-alerts.js';

/**
 * Alerts Hikeshi raises itself (SLO burn) enter the same pipeline as a monitor's: a built-in
 * integration of that name, created on first use (its token is never shown: nothing outside
 * sends to it), then the ingest batch — so routing, paging and severity rules apply unchanged.
 * `routes` are added to the integration when none of its routes names their service yet; an
 * admin's own routes are kept.
 */
export async function ingestInternalAlerts(
  deps: Deps,
  integrationName: string,
  events: readonly AlertEvent[],
  options: { kind?: IntegrationKind; routes?: readonly AlertRoute[] } = {},
): Promise<ItemOutcome[]> {
  if (!events.length) return [];
  const integration = await builtInIntegration(deps, integrationName, options.kind ?? 'generic', options.routes ?? []);
  const receivedAt = deps.clock.now().toISOString();
  return ingestAlertBatch(deps, events.map((event) => ({ integrationId: integration.id, source: integration.kind, event, receivedAt })));
}

async function builtInIntegration(deps: Deps, name: string, kind: IntegrationKind, routes: readonly AlertRoute[]): Promise<Integration> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const found = await findIntegrationByName(tx, name);
    if (found) {
      const missing = routes.filter((route) => !found.routes.some((existing) => existing.service === route.service));
      if (!missing.length) return found;
      const next = { ...found, routes: [...found.routes, ...missing], updatedAt: now };
      await updateIntegration(tx, next);
      return next;
    }
    const token = newIntegrationToken();
    const created: Integration = {
      id: newId(),
      name,
      kind,
      tokenHash: hashIntegrationToken(token),
      tokenHint: integrationTokenHint(token),
      hmacSecretSealed: null,
      hmacHeader: null,
      hmacTimestampHeader: null,
      rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
      routes: [...routes],
      createdAt: now,
      updatedAt: now,
    };
    await insertIntegration(tx, created);
    return created;
  });
}
