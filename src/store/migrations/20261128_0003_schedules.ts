import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // A schedule is one aggregate: its layers and overrides are JSON the on-call engine
  // reads whole. `revision` grows with every write, so a compiled copy kept in memory
  // knows it is stale even when two writes share a timestamp.
  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('handoff_time', 'text', (c) => c.notNull())
    .addColumn('rota_columns', t.json, (c) => c.notNull())
    .addColumn('layers', t.json, (c) => c.notNull())
    .addColumn('overrides', t.json, (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedules_team').on('schedules').column('team_id').execute();

  // One calendar feed per schedule and per person; only the token's hash is kept, and
  // making a new token replaces the old one.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.unique().references('schedules.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.unique().references('users.id').onDelete('cascade'))
    .addColumn('created_by_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('calendar_feeds_one_subject', sql`(schedule_id is null) <> (user_id is null)`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('schedules').execute();
}
