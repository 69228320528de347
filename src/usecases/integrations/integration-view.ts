import type { IntegrationKind } from '../../domain/alerts/alert.js';
import type { AlertRoute } from '../../domain/alerts/routing.js';
import type { Settings } from '../../config/settings.js';
import type { Integration } from '../../store/repositories/integrations.js';

/** Where a monitor sends alerts; `{token}` stands for the integration token. */
export interface IngestUrls {
  /** POST with `Authorization: Bearer {token}`. */
  alerts: string;
  /** POST with the token in the path, for monitors that cannot set headers. */
  hook: string;
  /** PagerDuty integrations: Events API v2 (the token is the routing_key). */
  pagerduty?: string;
  /** Waroom integrations: the events endpoint (Bearer {token}). */
  waroom?: string;
}

/** An integration as the API shows it: the token only as its last characters, the signing secret never. */
export interface IntegrationView {
  id: string;
  name: string;
  kind: IntegrationKind;
  tokenHint: string;
  hasSigningSecret: boolean;
  hmacHeader: string | null;
  hmacTimestampHeader: string | null;
  rateLimitPerMinute: number;
  routes: AlertRoute[];
  urls: IngestUrls;
  createdAt: string;
  updatedAt: string;
}

/** Relative paths unless settings name the public URL. */
export function ingestUrls(settings: Settings, integration: Pick<Integration, 'id' | 'kind'>): IngestUrls {
  const base = (settings.publicUrl ?? '').replace(/\/+$/, '');
  return {
    alerts: `${base}/api/v1/integrations/${integration.id}/alerts`,
    hook: `${base}/hooks/{token}`,
    ...(integration.kind === 'pagerduty' && { pagerduty: `${base}/integrations/pagerduty/v2/enqueue` }),
    ...(integration.kind === 'waroom' && { waroom: `${base}/integrations/waroom/v1/events` }),
  };
}

export function integrationView(settings: Settings, integration: Integration): IntegrationView {
  return {
    id: integration.id,
    name: integration.name,
    kind: integration.kind,
    tokenHint: integration.tokenHint,
    hasSigningSecret: integration.hmacSecretSealed !== null,
    hmacHeader: integration.hmacHeader,
    hmacTimestampHeader: integration.hmacTimestampHeader,
    rateLimitPerMinute: integration.rateLimitPerMinute,
    routes: integration.routes,
    urls: ingestUrls(settings, integration),
    createdAt: integration.createdAt,
    updatedAt: integration.updatedAt,
  };
}
