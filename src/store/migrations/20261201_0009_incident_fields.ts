import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // The incident's custom facts (settings `fields`), by key; a key never set is absent.
  await db.schema.alterTable('incidents').addColumn('custom_fields', t.json, (c) => c.notNull().defaultTo('{}')).execute();

  // Customer-support inquiries counted into an incident. A helpdesk's ticket id makes a
  // retried webhook count once (NULL for a click in Slack: each click counts). `count` is
  // the field's value this inquiry made, so a repeat is answered exactly as the first time.
  await db.schema
    .createTable('incident_inquiries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text')
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('url', 'text')
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('actor', t.json, (c) => c.notNull())
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('incident_inquiries_ticket', ['incident_id', 'ticket_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_inquiries').execute();
  await db.schema.alterTable('incidents').dropColumn('custom_fields').execute();
}
