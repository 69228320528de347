import type { Kysely } from 'kysely';

// The weekly review reads one week of follow-ups and page notifications by time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('action_items_created').on('action_items').columns(['created_at']).execute();
  await db.schema.createIndex('action_items_updated').on('action_items').columns(['updated_at']).execute();
  await db.schema.createIndex('page_notifications_created').on('page_notifications').columns(['created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('page_notifications_created').execute();
  await db.schema.dropIndex('action_items_updated').execute();
  await db.schema.dropIndex('action_items_created').execute();
}
