import type { Selectable } from 'kysely';
import type { IntegrationKind } from '../../domain/alerts/alert.js';
import type { AlertRoute } from '../../domain/alerts/routing.js';
import { NotFoundError } from '../../errors.js';
import type { Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { IntegrationsTable } from '../schema.js';

/** An integration as stored: the token only as its hash, the HMAC secret sealed. */
export interface Integration {
  id: string;
  name: string;
  kind: IntegrationKind;
  tokenHash: string;
  tokenHint: string;
  hmacSecretSealed: string | null;
  hmacHeader: string | null;
  hmacTimestampHeader: string | null;
  rateLimitPerMinute: number;
  routes: AlertRoute[];
  createdAt: string;
  updatedAt: string;
}

export async function insertIntegration(tx: Executor, integration: Integration): Promise<void> {
  await tx.insertInto('integrations').values(toRow(integration)).execute();
}

export async function updateIntegration(tx: Executor, integration: Integration): Promise<void> {
  const { id, created_at: _createdAt, ...changes } = toRow(integration);
  await tx.updateTable('integrations').set(changes).where('id', '=', id).execute();
}

export async function deleteIntegration(tx: Executor, id: string): Promise<void> {
  await tx.deleteFrom('integrations').where('id', '=', id).execute();
}

export async function findIntegration(tx: Executor, id: string): Promise<Integration | undefined> {
  const row = await tx.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function getIntegration(tx: Executor, id: string): Promise<Integration> {
  const integration = await findIntegration(tx, id);
  if (!integration) throw new NotFoundError('integration', id);
  return integration;
}

export async function findIntegrationByName(tx: Executor, name: string): Promise<Integration | undefined> {
  const row = await tx.selectFrom('integrations').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function findIntegrationByTokenHash(tx: Executor, tokenHash: string): Promise<Integration | undefined> {
  const row = await tx.selectFrom('integrations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function listIntegrations(tx: Executor): Promise<Integration[]> {
  const rows = await tx.selectFrom('integrations').selectAll().orderBy('name').execute();
  return rows.map(fromRow);
}

/** A PagerDuty change event: context on the integration, never an alert. */
export interface IntegrationChange {
  id: string;
  integrationId: string;
  summary: string;
  source: string | null;
  happenedAt: string;
  payload: unknown;
  createdAt: string;
}

export async function insertIntegrationChange(tx: Executor, change: IntegrationChange): Promise<void> {
  await tx
    .insertInto('integration_changes')
    .values({
      id: change.id,
      integration_id: change.integrationId,
      summary: change.summary,
      source: change.source,
      happened_at: change.happenedAt,
      payload: encodeJson(change.payload),
      created_at: change.createdAt,
    })
    .execute();
}

function toRow(integration: Integration) {
  return {
    id: integration.id,
    name: integration.name,
    kind: integration.kind,
    token_hash: integration.tokenHash,
    token_hint: integration.tokenHint,
    hmac_secret: integration.hmacSecretSealed,
    hmac_header: integration.hmacHeader,
    hmac_timestamp_header: integration.hmacTimestampHeader,
    rate_limit_per_minute: integration.rateLimitPerMinute,
    routes: encodeJson(integration.routes),
    created_at: integration.createdAt,
    updated_at: integration.updatedAt,
  };
}

function fromRow(row: Selectable<IntegrationsTable>): Integration {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    tokenHash: row.token_hash,
    tokenHint: row.token_hint,
    hmacSecretSealed: row.hmac_secret,
    hmacHeader: row.hmac_header,
    hmacTimestampHeader: row.hmac_timestamp_header,
    rateLimitPerMinute: Number(row.rate_limit_per_minute),
    routes: decodeJson<AlertRoute[]>(row.routes),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
