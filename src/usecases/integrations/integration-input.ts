import { alertRouteCatalog } from '../../domain/alerts/alert-facts.js';
import { readRoutes, type AlertRoute } from '../../domain/alerts/routing.js';
import { ValidationError } from '../../errors.js';
import type { Integration } from '../../store/repositories/integrations.js';
import type { Deps } from '../deps.js';
import { signingSecretContext } from './signing-secret.js';

/** What an admin may set on an integration (the kind only at creation). */
export interface IntegrationSettingsInput {
  name?: string;
  /** Grafana's HMAC secret; null removes it. */
  hmacSecret?: string | null;
  hmacHeader?: string | null;
  hmacTimestampHeader?: string | null;
  rateLimitPerMinute?: number;
  routes?: unknown;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600_000;

/** Applies the input to an integration, refusing what does not fit, naming the field. */
export function applyIntegrationInput(deps: Deps, integration: Integration, input: IntegrationSettingsInput): Integration {
  const next = { ...integration };
  if (input.name !== undefined) {
    if (input.name.trim() === '') throw new ValidationError('name', 'must not be empty');
    next.name = input.name.trim();
  }
  if (input.rateLimitPerMinute !== undefined) {
    if (!Number.isInteger(input.rateLimitPerMinute) || input.rateLimitPerMinute < 1) {
      throw new ValidationError('rateLimitPerMinute', 'must be a whole number of at least 1');
    }
    next.rateLimitPerMinute = input.rateLimitPerMinute;
  }
  if (input.routes !== undefined) next.routes = validRoutes(input.routes);
  if (input.hmacHeader !== undefined) next.hmacHeader = headerName('hmacHeader', input.hmacHeader);
  if (input.hmacTimestampHeader !== undefined) next.hmacTimestampHeader = headerName('hmacTimestampHeader', input.hmacTimestampHeader);
  if (input.hmacSecret !== undefined) next.hmacSecretSealed = sealedSecret(deps, integration, input.hmacSecret);
  if (integration.kind !== 'grafana' && (next.hmacSecretSealed || next.hmacHeader || next.hmacTimestampHeader)) {
    throw new ValidationError('hmacSecret', 'only Grafana integrations sign their requests');
  }
  return next;
}

function validRoutes(raw: unknown): AlertRoute[] {
  const { routes, problems } = readRoutes(raw, alertRouteCatalog);
  const problem = problems[0];
  if (problem || !routes) throw new ValidationError(problem?.path ?? 'routes', problem?.message ?? 'is invalid');
  return routes;
}

function headerName(field: string, value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  if (!/^[A-Za-z0-9-]+$/.test(value.trim())) throw new ValidationError(field, 'must be an HTTP header name (letters, digits, dashes)');
  return value.trim();
}

function sealedSecret(deps: Deps, integration: Integration, secret: string | null): string | null {
  if (secret === null) return null;
  if (secret.length < 16) throw new ValidationError('hmacSecret', 'must be at least 16 characters');
  if (!deps.secretBox) throw new ValidationError('hmacSecret', 'can be stored only when HIKESHI_SECRET_KEY is set');
  return deps.secretBox.seal(secret, signingSecretContext(integration.id));
}

