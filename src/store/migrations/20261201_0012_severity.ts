import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // Every accepted severity policy, kept: the one in force is the highest version. `text` is
  // the YAML as written (comments included); `source` says whether it came from the file or the API.
  await db.schema
    .createTable('severity_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  // Who set the incident's severity: 'declared' (at declaration), 'policy' (applied by a rule)
  // or 'person' (chosen by hand; the policy then only proposes). `severity_proposal` is the
  // policy's disagreeing result waiting for a person's confirmation, or NULL.
  await db.schema.alterTable('incidents').addColumn('severity_source', 'text', (c) => c.notNull().defaultTo('declared')).execute();
  await db.schema.alterTable('incidents').addColumn('severity_proposal', t.json).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('severity_proposal').execute();
  await db.schema.alterTable('incidents').dropColumn('severity_source').execute();
  await db.schema.dropTable('severity_policies').execute();
}
