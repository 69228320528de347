import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // Runbook definitions: those read from the runbooks folder at start (`source` 'file',
  // rewritten on every start) and those saved through the API (`source` 'api').
  // `definition` is the validated data form; `yaml` the text it was saved as, if any.
  await db.schema
    .createTable('runbooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file', 'text')
    .addColumn('yaml', 'text')
    .addColumn('definition', t.json, (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  // A run keeps a snapshot of the definition it started with, so it needs no foreign key
  // to `runbooks`: editing or deleting a runbook never strands a run under way.
  // `revision` grows with every move; the Slack message job renders the latest one.
  await db.schema
    .createTable('runbook_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('runbook_id', 'text', (c) => c.notNull())
    .addColumn('definition', t.json, (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('state', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('started_by', 'text')
    .addColumn('slack_channel', 'text')
    .addColumn('slack_ts', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('runbook_runs_incident').on('runbook_runs').columns(['incident_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('runbook_runs').execute();
  await db.schema.dropTable('runbooks').execute();
}
