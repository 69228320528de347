import type { IntegrationKind } from '../../domain/alerts/alert.js';
import { newId } from '../../ids.js';
import {
  deleteIntegration as removeIntegration,
  insertIntegration,
  updateIntegration as saveIntegration,
  type Integration,
} from '../../store/repositories/integrations.js';
import { insertUnique } from '../catalog/unique-name.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { credentialCache } from './credential-cache.js';
import { findIntegrationByKey } from './find-integration.js';
import { applyIntegrationInput, DEFAULT_RATE_LIMIT_PER_MINUTE, type IntegrationSettingsInput } from './integration-input.js';
import { hashIntegrationToken, integrationTokenHint, newIntegrationToken } from './integration-token.js';
import { integrationView, type IntegrationView } from './integration-view.js';

/** The integration with its token: the only answer that ever carries it. */
export type IntegrationWithToken = IntegrationView & { token: string };

const nameTaken = (name: string) => `An integration named "${name}" already exists`;

export async function createIntegration(
  deps: Deps,
  input: IntegrationSettingsInput & { name: string; kind: IntegrationKind },
  principal: Principal,
): Promise<IntegrationWithToken> {
  authorize(principal, 'admin');
  const token = newIntegrationToken();
  const now = deps.clock.now().toISOString();
  const blank: Integration = {
    id: newId(),
    name: input.name,
    kind: input.kind,
    tokenHash: hashIntegrationToken(token),
    tokenHint: integrationTokenHint(token),
    hmacSecretSealed: null,
    hmacHeader: null,
    hmacTimestampHeader: null,
    rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
    routes: [],
    createdAt: now,
    updatedAt: now,
  };
  const integration = applyIntegrationInput(deps, blank, input);
  await deps.db.transaction().execute((tx) => insertUnique(() => insertIntegration(tx, integration), nameTaken(integration.name)));
  return { ...integrationView(deps.settings, integration), token };
}

export async function updateIntegration(deps: Deps, key: string, input: IntegrationSettingsInput, principal: Principal): Promise<IntegrationView> {
  authorize(principal, 'admin');
  const integration = await deps.db.transaction().execute(async (tx) => {
    const current = await findIntegrationByKey(tx, key);
    const next = { ...applyIntegrationInput(deps, current, input), updatedAt: deps.clock.now().toISOString() };
    await insertUnique(() => saveIntegration(tx, next), nameTaken(next.name));
    return next;
  });
  credentialCache(deps.db).forget(integration.id);
  return integrationView(deps.settings, integration);
}

/** The old token stops working at once (in this process; other instances within seconds). */
export async function rotateIntegrationToken(deps: Deps, key: string, principal: Principal): Promise<IntegrationWithToken> {
  authorize(principal, 'admin');
  const token = newIntegrationToken();
  const integration = await deps.db.transaction().execute(async (tx) => {
    const current = await findIntegrationByKey(tx, key);
    const next = { ...current, tokenHash: hashIntegrationToken(token), tokenHint: integrationTokenHint(token), updatedAt: deps.clock.now().toISOString() };
    await saveIntegration(tx, next);
    return next;
  });
  credentialCache(deps.db).forget(integration.id);
  return { ...integrationView(deps.settings, integration), token };
}

/** Its alerts stay, as history, without the integration. */
export async function deleteIntegration(deps: Deps, key: string, principal: Principal): Promise<void> {
  authorize(principal, 'admin');
  const id = await deps.db.transaction().execute(async (tx) => {
    const { id } = await findIntegrationByKey(tx, key);
    await removeIntegration(tx, id);
    return id;
  });
  credentialCache(deps.db).forget(id);
}
