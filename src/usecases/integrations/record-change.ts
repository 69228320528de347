import { newId } from '../../ids.js';
import { insertIntegrationChange, type Integration, type IntegrationChange } from '../../store/repositories/integrations.js';
import type { Deps } from '../deps.js';

export interface ChangeInput {
  summary: string;
  source: string | null;
  /** When the change happened, as the sender says (ISO 8601); else now. */
  happenedAt: string | null;
  payload: unknown;
}

/**
 * Records a change (a deploy, a config push) sent as a PagerDuty change event: context for
 * incidents on the integration, never an alert, never a notification.
 */
export async function recordIntegrationChange(deps: Deps, integration: Integration, input: ChangeInput): Promise<IntegrationChange> {
  const now = deps.clock.now().toISOString();
  const parsed = input.happenedAt ? Date.parse(input.happenedAt) : Number.NaN;
  const change: IntegrationChange = {
    id: newId(),
    integrationId: integration.id,
    summary: input.summary,
    source: input.source,
    happenedAt: Number.isNaN(parsed) ? now : new Date(parsed).toISOString(),
    payload: input.payload,
    createdAt: now,
  };
  await deps.db.transaction().execute((tx) => insertIntegrationChange(tx, change));
  return change;
}
