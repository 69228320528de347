import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgAvailable = await postgresReachable();
if (!pgAvailable && process.env.HIKESHI_REQUIRE_POSTGRES === '1') {
  throw new Error(`HIKESHI_REQUIRE_POSTGRES=1 but Postgres is not reachable at ${POSTGRES_URL.replace(/\/\/[^@]*@/, '//')}`);
}

/** The engines every integration test runs against: `describe.each(engines)`. */
export const engines: Engine[] = pgAvailable ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends DatabaseHandle {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, migrated, empty database: an SQLite file in a temp folder, or a Postgres schema
 * of its own (so test files can run in parallel against the one `test` database).
 */
export async function createTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let url: string;
  let dropStorage: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hikeshi-test-'));
    url = `sqlite:${join(dir, 'test.db')}`;
    dropStorage = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const parsed = new URL(POSTGRES_URL);
    parsed.searchParams.set('options', `-c search_path=${schema}`);
    url = parsed.toString();
    dropStorage = async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  }
  const handle = openDatabase(url, { poolSize: 4 });
  if (options.migrate !== false) await migrateWithRetry(handle);
  return {
    ...handle,
    url,
    async drop() {
      await handle.db.destroy();
      await dropStorage();
    },
  };
}

/**
 * Kysely's migrator introspects every schema of the database; while a parallel test file
 * drops its own schema, that query can fail with "schema ... does not exist". Only tests
 * create and drop schemas concurrently, so only they retry.
 */
async function migrateWithRetry(handle: DatabaseHandle, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(handle.db);
      return;
    } catch (error) {
      if (attempt >= attempts || !/does not exist/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
