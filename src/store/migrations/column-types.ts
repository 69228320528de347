import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** Column types that differ between the engines. Migrations are frozen: keep this tiny. */
export function columnTypes(db: Kysely<any>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    postgres,
    timestamp: postgres ? sql`timestamptz` : sql`text`,
    json: postgres ? sql`jsonb` : sql`text`,
    bigId: postgres ? sql`bigserial` : sql`integer`,
  };
}
