import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // A schedule's spreadsheet rota, checked periodically (the `oncall.syncRota` job). The
  // address is a credential: `url` is sealed with the secret key when one is configured
  // (`url_storage` says which), `url_masked` is what is ever shown. ETag, Last-Modified and
  // the content hash are those of the last applied file. `generation` grows with every
  // change of the source, so a check enqueued for an older one exits.
  await db.schema
    .createTable('rota_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull().unique().references('schedules.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('url_storage', 'text', (c) => c.notNull())
    .addColumn('url_masked', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('columns', t.json)
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('last_checked_at', t.timestamp)
    .addColumn('last_changed_at', t.timestamp)
    .addColumn('last_applied_at', t.timestamp)
    .addColumn('last_outcome', 'text')
    .addColumn('last_message', 'text')
    .addColumn('last_result', t.json)
    .addColumn('next_check_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_by_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rota_sources').execute();
}
