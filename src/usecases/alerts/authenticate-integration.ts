import { timingSafeEqual } from 'node:crypto';
import type { IntegrationKind } from '../../domain/alerts/alert.js';
import { IntegrationCredentialsError } from '../../errors.js';
import { findIntegration, findIntegrationByTokenHash, type Integration } from '../../store/repositories/integrations.js';
import type { Deps } from '../deps.js';
import { credentialCache, type KnownIntegration } from '../integrations/credential-cache.js';
import { hashIntegrationToken } from '../integrations/integration-token.js';
import { signingSecretContext } from '../integrations/signing-secret.js';

/** How a monitor presented its token: with the integration's id (bearer), or alone (path, routing key). */
export interface IntegrationCredential {
  token: string | undefined;
  integrationId?: string;
  /** The endpoint's own format (PagerDuty, Waroom): an integration of another kind does not fit it. */
  kind?: IntegrationKind;
}

// Hashed when the integration id is unknown, so that a miss costs what a hit costs.
const NO_HASH = Buffer.alloc(32);

/**
 * The integration a token belongs to. Every failure (no token, unknown integration, wrong
 * token, an endpoint of another kind) is the same IntegrationCredentialsError, so the answer
 * never tells whether an integration exists. Tokens are compared by their sha256, in
 * constant time.
 */
export async function authenticateIntegration(deps: Deps, credential: IntegrationCredential): Promise<KnownIntegration> {
  const { token } = credential;
  if (!token) throw new IntegrationCredentialsError();
  const hash = hashIntegrationToken(token);
  const cache = credentialCache(deps.db);
  let known = cache.get(hash);
  if (!known) {
    const integration = credential.integrationId
      ? await findIntegration(deps.db, credential.integrationId)
      : await findIntegrationByTokenHash(deps.db, hash);
    const stored = integration ? Buffer.from(integration.tokenHash, 'hex') : NO_HASH;
    const matches = timingSafeEqual(stored.length === 32 ? stored : NO_HASH, Buffer.from(hash, 'hex'));
    if (!integration || !matches) throw new IntegrationCredentialsError();
    known = { integration, signingSecret: openSigningSecret(deps, integration) };
    cache.set(hash, known);
  }
  if (credential.integrationId !== undefined && known.integration.id !== credential.integrationId) throw new IntegrationCredentialsError();
  if (credential.kind !== undefined && known.integration.kind !== credential.kind) throw new IntegrationCredentialsError();
  return known;
}

function openSigningSecret(deps: Deps, integration: Integration): string | null {
  if (!integration.hmacSecretSealed) return null;
  if (!deps.secretBox) throw new Error(`Integration ${integration.id} has a sealed signing secret but no HIKESHI_SECRET_KEY is set`);
  return deps.secretBox.open(integration.hmacSecretSealed, signingSecretContext(integration.id));
}
