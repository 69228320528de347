import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // SLO definitions: read from the slos folder at start (origin 'file', rewritten on every
  // start) or saved through the API (origin 'api'). `definition` is the SloDefinition.
  await db.schema
    .createTable('slos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('definition', t.json, (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('file', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('slos_service').on('slos').columns(['service_id']).execute();

  // One row per SLO and minute with data. Times here are epoch milliseconds (bigint): 43,200
  // rows per SLO per 30 days are summed and range-scanned, and integers compare the same on
  // both engines. A minute is replaced, never added to, so every way in is idempotent.
  await db.schema
    .createTable('sli_minutes')
    .addColumn('slo_id', 'text', (c) => c.notNull().references('slos.id').onDelete('cascade'))
    .addColumn('minute', 'bigint', (c) => c.notNull())
    .addColumn('good', 'double precision', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('sli_minutes_pk', ['slo_id', 'minute'])
    .execute();

  // Hour and day sums of the minutes, UTC-aligned, written in the transaction that writes
  // the minutes. `bad` is events (occurrences) or missed minutes (timeslices).
  await db.schema
    .createTable('sli_rollups')
    .addColumn('slo_id', 'text', (c) => c.notNull().references('slos.id').onDelete('cascade'))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('start', 'bigint', (c) => c.notNull())
    .addColumn('good', 'double precision', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('bad', 'double precision', (c) => c.notNull())
    .addColumn('minutes_with_data', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sli_rollups_pk', ['slo_id', 'unit', 'start'])
    .execute();

  // Spans a source could not supply (Prometheus down, timeout, NaN, no points): never good.
  await db.schema
    .createTable('sli_gaps')
    .addColumn('slo_id', 'text', (c) => c.notNull().references('slos.id').onDelete('cascade'))
    .addColumn('start', 'bigint', (c) => c.notNull())
    .addColumn('end', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('sli_gaps_pk', ['slo_id', 'start'])
    .execute();

  // Where a pulled or estimated SLO's timer got to, and its last failure.
  await db.schema
    .createTable('sli_pull_states')
    .addColumn('slo_id', 'text', (c) => c.primaryKey().references('slos.id').onDelete('cascade'))
    .addColumn('pulled_until', 'bigint', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', t.timestamp)
    .addColumn('last_success_at', t.timestamp)
    .execute();

  // The burn state last raised as an alert ('ok' | 'ticket' | 'page'), so only changes are sent.
  await db.schema
    .createTable('slo_burn_states')
    .addColumn('slo_id', 'text', (c) => c.primaryKey().references('slos.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .addColumn('evaluated_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('slo_burn_states').execute();
  await db.schema.dropTable('sli_pull_states').execute();
  await db.schema.dropTable('sli_gaps').execute();
  await db.schema.dropTable('sli_rollups').execute();
  await db.schema.dropTable('sli_minutes').execute();
  await db.schema.dropTable('slos').execute();
}
