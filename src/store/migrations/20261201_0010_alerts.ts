import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // A monitor's way in. Only the token's sha256 is kept; the token is shown once.
  // `hmac_secret` (Grafana's signing secret) is sealed with the SecretBox.
  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_hint', 'text', (c) => c.notNull())
    .addColumn('hmac_secret', 'text')
    .addColumn('hmac_header', 'text')
    .addColumn('hmac_timestamp_header', 'text')
    .addColumn('rate_limit_per_minute', 'integer', (c) => c.notNull().defaultTo(600000))
    .addColumn('routes', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  // One row per alert (a dedup key's life from trigger to resolve). `open_key` is
  // `${integration_id}:${dedup_key}` while the alert is open and NULL once resolved: the
  // unique index then holds at most one open alert per key (NULLs never collide, on both
  // engines), and a later trigger opens a new alert.
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('integration_id', 'text', (c) => c.references('integrations.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('source_severity', 'text')
    .addColumn('labels', t.json, (c) => c.notNull())
    .addColumn('annotations', t.json, (c) => c.notNull())
    .addColumn('group_key', 'text')
    .addColumn('links', t.json, (c) => c.notNull())
    .addColumn('occurrences', 'integer', (c) => c.notNull())
    .addColumn('first_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('acknowledged_at', t.timestamp)
    .addColumn('resolved_at', t.timestamp)
    .addColumn('last_payload', t.json, (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.references('services.id').onDelete('set null'))
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
    .addColumn('page_id', 'text', (c) => c.references('pages.id').onDelete('set null'))
    .addColumn('routed_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_status_number').on('alerts').columns(['status', 'number']).execute();
  await db.schema.createIndex('alerts_integration').on('alerts').columns(['integration_id', 'number']).execute();
  await db.schema.createIndex('alerts_incident').on('alerts').columns(['incident_id']).execute();
  await db.schema.createIndex('alerts_service').on('alerts').columns(['service_id', 'status']).execute();

  // The alert's timeline. Repeats are folded: one 'repeated' row per ingest batch with `count`.
  await db.schema
    .createTable('alert_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor', t.json)
    .addColumn('detail', t.json)
    .execute();
  await db.schema.createIndex('alert_events_alert').on('alert_events').columns(['alert_id', 'id']).execute();

  // PagerDuty change events (`/v2/change/enqueue`): context, never alerts.
  await db.schema
    .createTable('integration_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('happened_at', t.timestamp, (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('integration_changes_integration')
    .on('integration_changes')
    .columns(['integration_id', 'happened_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('integration_changes').execute();
  await db.schema.dropTable('alert_events').execute();
  await db.schema.dropTable('alerts').execute();
  await db.schema.dropTable('integrations').execute();
}
