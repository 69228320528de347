import { randomUUID } from 'node:crypto';
import type { ItemOutcome } from '../../domain/alerts/ingest-batch.js';
import { IntegrationCredentialsError, PayloadError } from '../../errors.js';
import { GRAFANA_SIGNATURE_HEADER, verifyGrafanaSignature } from '../../integrations/alert-sources/grafana-signature.js';
import { parseAlertPayload } from '../../integrations/alert-sources/index.js';
import type { Deps } from '../deps.js';
import type { KnownIntegration } from '../integrations/credential-cache.js';
import type { AlertReceiver } from './alert-receiver.js';
import { authenticateIntegration, type IntegrationCredential } from './authenticate-integration.js';

/** One monitor request as the HTTP adapter hands it over. */
export interface AlertRequest {
  credential: IntegrationCredential;
  /** The body exactly as sent (Grafana signs these bytes). */
  rawBody: Buffer | undefined;
  /** The body already parsed, when the adapter needed it first (PagerDuty's routing_key). */
  body?: unknown;
  header(name: string): string | undefined;
}

export function readJsonBody(raw: Buffer | undefined): unknown {
  if (!raw || raw.length === 0) throw new PayloadError('body', 'is required (a JSON document)');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new PayloadError('body', 'is not valid JSON');
  }
}

function checkSignature(deps: Deps, known: KnownIntegration, request: AlertRequest): void {
  if (!known.signingSecret) return;
  const { integration } = known;
  const valid = verifyGrafanaSignature({
    secret: known.signingSecret,
    body: request.rawBody ?? Buffer.alloc(0),
    signature: request.header(integration.hmacHeader ?? GRAFANA_SIGNATURE_HEADER),
    timestamp: integration.hmacTimestampHeader ? request.header(integration.hmacTimestampHeader) : undefined,
    timestampRequired: integration.hmacTimestampHeader !== null,
    nowMs: deps.clock.now().getTime(),
  });
  if (!valid) throw new IntegrationCredentialsError();
}

/**
 * The one ingest path every endpoint shares: authenticate the integration, check Grafana's
 * signature when one is configured, parse the body by the integration's kind (the whole
 * request is checked before anything is stored), then hand the events to the receiver,
 * which answers once they are committed.
 */
export async function receiveAlerts(deps: Deps, receiver: AlertReceiver, request: AlertRequest): Promise<ItemOutcome[]> {
  const receivedAt = deps.clock.now();
  const known = await authenticateIntegration(deps, request.credential);
  checkSignature(deps, known, request);
  const body = 'body' in request ? request.body : readJsonBody(request.rawBody);
  const events = parseAlertPayload(known.integration.kind, body, { receivedAt: receivedAt.toISOString(), newKey: randomUUID });
  return receiver.accept(known.integration, events, receivedAt);
}
