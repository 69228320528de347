import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /** A short, credential-free description for logs. */
  describe: string;
}

const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;

export function parseDatabaseUrl(url: string): { engine: Engine; target: string } {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { engine: 'postgres', target: url };
  }
  if (url.startsWith('sqlite:')) return { engine: 'sqlite', target: url.slice('sqlite:'.length) };
  throw new Error(
    `DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:...")`,
  );
}

export function openDatabase(url: string, options: { poolSize?: number } = {}): DatabaseHandle {
  const { engine, target } = parseDatabaseUrl(url);
  if (engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP) {
            return (value: string) => new Date(oid === PG_TIMESTAMP ? `${value}Z` : value).toISOString();
          }
          if (oid === PG_INT8) return (value: string) => Number(value);
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    const host = new URL(target);
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      engine,
      describe: `postgres://${host.host}${host.pathname}`,
    };
  }
  const file = target === ':memory:' ? target : resolve(target);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL with synchronous=NORMAL survives a killed process (kill -9) without losing a
  // committed transaction; only a power loss can drop the last commits.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
    engine,
    describe: `sqlite:${file}`,
  };
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles the SQL on each prepare.
 * The same SQL text reuses its compiled statement (least recently used ones are dropped):
 * the hot paths (alert ingest, auth lookups) run a handful of shapes thousands of times.
 * Safe because Kysely only runs statements to completion (all/run); nothing here streams.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  const cached = (source: string): SQLite.Statement => {
    let statement = cache.get(source);
    if (statement) cache.delete(source);
    else statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return cached;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Row locks (SELECT ... FOR UPDATE) exist on Postgres; SQLite serialises writers instead. */
export function supportsRowLocks(executor: Executor): boolean {
  return executor.getExecutor().adapter instanceof PostgresAdapter;
}
