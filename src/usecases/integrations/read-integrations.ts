import type { IntegrationKind } from '../../domain/alerts/alert.js';
import type { AlertSeverity } from '../../domain/alerts/routing.js';
import { severityTable } from '../../domain/alerts/severity-mapping.js';
import { DATADOG_TEMPLATE } from '../../integrations/alert-sources/datadog.js';
import { listIntegrations as listAll } from '../../store/repositories/integrations.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { findIntegrationByKey } from './find-integration.js';
import { ingestUrls, integrationView, type IngestUrls, type IntegrationView } from './integration-view.js';

export async function listIntegrations(deps: Deps, principal: Principal): Promise<IntegrationView[]> {
  authorize(principal, 'viewer');
  return (await listAll(deps.db)).map((integration) => integrationView(deps.settings, integration));
}

export async function showIntegration(deps: Deps, key: string, principal: Principal): Promise<IntegrationView> {
  authorize(principal, 'viewer');
  return integrationView(deps.settings, await findIntegrationByKey(deps.db, key));
}

/** What to paste into the monitor: where to send, Datadog's payload template, and how severities map. */
export interface IntegrationConfig {
  kind: IntegrationKind;
  urls: IngestUrls;
  /** Datadog only: the webhook's Payload. */
  payloadTemplate?: Record<string, string>;
  /** Datadog only: the webhook's Custom Headers (`$HIKESHI_TOKEN` a hidden custom variable holding the token). */
  customHeaders?: Record<string, string>;
  severityTable: Record<string, AlertSeverity>;
}

export async function integrationConfig(deps: Deps, key: string, principal: Principal): Promise<IntegrationConfig> {
  authorize(principal, 'viewer');
  const integration = await findIntegrationByKey(deps.db, key);
  return {
    kind: integration.kind,
    urls: ingestUrls(deps.settings, integration),
    ...(integration.kind === 'datadog' && {
      payloadTemplate: { ...DATADOG_TEMPLATE },
      customHeaders: { Authorization: 'Bearer $HIKESHI_TOKEN' },
    }),
    severityTable: severityTable(integration.kind),
  };
}
