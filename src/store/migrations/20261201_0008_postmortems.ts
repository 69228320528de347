import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // One postmortem per incident. `state` is the domain's Postmortem (sections with the hash
  // of what Hikeshi generated, reviewers, confirmations); status, owner and meeting time are
  // copied out of it so they can be queried.
  await db.schema
    .createTable('postmortems')
    .addColumn('incident_id', 'text', (c) => c.primaryKey().references('incidents.id').onDelete('cascade'))
    .addColumn('state', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('meeting_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  // Follow-ups belong to the incident, not to its postmortem: a runbook may create one
  // before any postmortem exists. `due_date` is a calendar date (YYYY-MM-DD).
  await db.schema
    .createTable('action_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('external_url', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_items_incident').on('action_items').columns(['incident_id', 'created_at']).execute();
  await db.schema.createIndex('action_items_open_due').on('action_items').columns(['status', 'due_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('action_items').execute();
  await db.schema.dropTable('postmortems').execute();
}
