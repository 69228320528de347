import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The escalation policy an alert routed to the service with action `page` pages.
  await db.schema
    .alterTable('services')
    .addColumn('escalation_policy_id', 'text', (c) => c.references('escalation_policies.id').onDelete('set null'))
    .execute();

  // The alert status whose consequences routing has carried out (paged, declared, page
  // acknowledged or resolved…): a retried or repeated routing job compares it with `status`
  // and does nothing twice.
  await db.schema.alterTable('alerts').addColumn('routed_status', 'text').execute();

  // "Every alert on this page resolved?" and "the service's open page from alerts".
  await db.schema.createIndex('alerts_page').on('alerts').columns(['page_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('alerts_page').execute();
  await db.schema.alterTable('alerts').dropColumn('routed_status').execute();
  await db.schema.alterTable('services').dropColumn('escalation_policy_id').execute();
}
