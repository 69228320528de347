import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // The error budget an incident burnt, per SLO of its services, computed when it is mitigated
  // or resolved. The SLO's name and window are kept with the figures, so the record outlives
  // an SLO removed later (no foreign key to slos). `span_*` are epoch milliseconds like the
  // SLI tables; `share` is bad / budget of the window containing the incident; flags are 0/1.
  await db.schema
    .createTable('incident_slo_impacts')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('slo_id', 'text', (c) => c.notNull())
    .addColumn('slo_name', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('slo_window', t.json, (c) => c.notNull())
    .addColumn('span_start', 'bigint', (c) => c.notNull())
    .addColumn('span_end', 'bigint', (c) => c.notNull())
    .addColumn('fallback', 'integer', (c) => c.notNull())
    .addColumn('bad', 'double precision', (c) => c.notNull())
    .addColumn('budget', 'double precision', (c) => c.notNull())
    .addColumn('share', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('estimated', 'integer', (c) => c.notNull())
    .addColumn('computed_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_slo_impacts_pk', ['incident_id', 'slo_id'])
    .execute();
  // The weekly review reads an SLO's impacts over a period.
  await db.schema.createIndex('incident_slo_impacts_slo').on('incident_slo_impacts').columns(['slo_id', 'span_start']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_slo_impacts').execute();
}
