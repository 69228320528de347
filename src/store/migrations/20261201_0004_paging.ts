import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // A policy is one aggregate: its levels (each with a delay and its targets) are JSON read whole.
  await db.schema
    .createTable('escalation_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('repeat', 'integer', (c) => c.notNull())
    .addColumn('levels', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  // A page keeps a snapshot of the levels it escalates through (`plan`), taken when it was
  // triggered: editing the policy later does not change a page already under way.
  // (cycle, level) is where escalation stands; the escalate job compares it before acting.
  await db.schema
    .createTable('pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('escalation_policy_id', 'text', (c) => c.references('escalation_policies.id').onDelete('set null'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('plan', t.json, (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('next_escalation_at', t.timestamp)
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('acknowledged_by', t.json)
    .addColumn('acknowledged_at', t.timestamp)
    .addColumn('resolved_by', t.json)
    .addColumn('resolved_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    // The caller's retry key (an Idempotency-Key, a Slack message): one page per key.
    .addColumn('request_key', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('pages_status_number').on('pages').columns(['status', 'number']).execute();
  await db.schema.createIndex('pages_policy').on('pages').columns(['escalation_policy_id', 'status']).execute();

  // One row per (page, cycle, level, recipient, channel): the unique key is what keeps a
  // retried, restarted or concurrent escalation from notifying anyone twice.
  await db.schema
    .createTable('page_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('recipient_type', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('delivery_ref', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addUniqueConstraint('page_notifications_once', ['page_id', 'cycle', 'level', 'recipient_type', 'recipient_id', 'channel'])
    .execute();
  await db.schema.createIndex('page_notifications_recipient').on('page_notifications').columns(['recipient_id', 'page_id']).execute();

  await db.schema
    .createTable('page_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id').onDelete('cascade'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('actor', t.json)
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('page_events_page').on('page_events').columns(['page_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('page_events').execute();
  await db.schema.dropTable('page_notifications').execute();
  await db.schema.dropTable('pages').execute();
  await db.schema.dropTable('escalation_policies').execute();
}
