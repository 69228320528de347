import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // One row per workspace. The admin token is kept apart from the bot token: only an
  // install by a verified admin or owner writes it, and a refused install writes nothing.
  await db.schema
    .createTable('slack_installations')
    .addColumn('team_id', 'text', (c) => c.primaryKey())
    .addColumn('team_name', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text')
    .addColumn('bot_user_id', 'text', (c) => c.notNull())
    .addColumn('bot_token_sealed', 'text', (c) => c.notNull())
    .addColumn('bot_scopes', 'text', (c) => c.notNull())
    .addColumn('admin_user_id', 'text')
    .addColumn('admin_user_name', 'text')
    .addColumn('admin_token_sealed', 'text')
    .addColumn('admin_scopes', 'text')
    .addColumn('admin_verified_at', t.timestamp)
    .addColumn('installed_by_user_id', 'text', (c) => c.notNull())
    .addColumn('installed_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incident_slack_channels')
    .addColumn('incident_id', 'text', (c) => c.primaryKey().references('incidents.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().unique())
    .addColumn('channel_name', 'text', (c) => c.notNull())
    .addColumn('summary_ts', 'text')
    .addColumn('announcement_ts', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  // Slack retries a delivery with the same event_id; the first insert wins.
  await db.schema
    .createTable('slack_deliveries')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('slack_deliveries_received').on('slack_deliveries').column('received_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['slack_deliveries', 'incident_slack_channels', 'slack_installations']) {
    await db.schema.dropTable(table).execute();
  }
}
