import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // A schedule may own one Slack user group whose members follow who is on call. The
  // handle is unique: two schedules writing one group would undo each other at every
  // handoff. `sync_claimed_until` lets one sync at a time read and write the group (a
  // handoff and a reconcile due together after a restart make one Slack write).
  await db.schema
    .createTable('schedule_user_groups')
    .addColumn('schedule_id', 'text', (c) => c.primaryKey().references('schedules.id').onDelete('cascade'))
    .addColumn('handle', 'text', (c) => c.notNull().unique())
    .addColumn('usergroup_id', 'text')
    .addColumn('members', t.json, (c) => c.notNull())
    .addColumn('left_out', t.json, (c) => c.notNull())
    .addColumn('last_sync_at', t.timestamp)
    .addColumn('last_sync_result', 'text')
    .addColumn('last_sync_detail', 'text')
    .addColumn('last_warning', 'text')
    .addColumn('last_warning_at', t.timestamp)
    .addColumn('sync_claimed_until', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('schedule_user_groups').execute();
}
