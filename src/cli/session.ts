import { systemClock } from '../clock.js';
import { readEnvironment } from '../config/env.js';
import { loadSettings } from '../config/settings.js';
import { SecretBox } from '../security/secret-box.js';
import { resolveSecretKey } from '../security/secret-key.js';
import { openDatabase, parseDatabaseUrl, type DatabaseHandle } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import type { Deps } from '../usecases/deps.js';

/**
 * Opens DATABASE_URL for one command and always closes it, so the process exits when the
 * command is done. Migrations are applied first, as `serve` does, unless the command is
 * `migrate` itself.
 */
export async function withDatabase<T>(
  run: (handle: DatabaseHandle) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const handle = openDatabase(readEnvironment().databaseUrl, { poolSize: 2 });
  try {
    if (options.migrate !== false) await migrateToLatest(handle.db);
    return await run(handle);
  } finally {
    await handle.db.destroy();
  }
}

/**
 * The use cases' dependencies. The settings file is read before the database is opened.
 * With Slack configured (as for `serve`), an incident declared here gets its channel: the
 * use case enqueues the Slack jobs and the server's job runner carries them out; likewise a
 * page is e-mailed when SMTP is configured.
 */
export async function withDeps<T>(run: (deps: Deps) => Promise<T>): Promise<T> {
  const env = readEnvironment();
  const settings = loadSettings(env.settingsFile);
  const slack = Boolean(env.slack.botToken || (env.slack.clientId && env.slack.clientSecret));
  const secretKey = resolveSecretKey({ configured: env.secretKey, sqliteFile: sqliteFileOf(env.databaseUrl) });
  return withDatabase(({ db, engine }) =>
    run({ db, engine, clock: systemClock, settings, integrations: { slack, email: env.smtpUrl !== undefined }, ...(secretKey && { secretBox: new SecretBox(secretKey) }) }),
  );
}

/** The SQLite file of a `sqlite:` DATABASE_URL, beside which `serve` keeps its made-up secret key. */
function sqliteFileOf(databaseUrl: string): string | undefined {
  const parsed = parseDatabaseUrl(databaseUrl);
  return parsed.engine === 'sqlite' ? parsed.target : undefined;
}
