import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * HIKESHI_SECRET_KEY, or on SQLite a random key made once and kept beside the database
 * (readable by the owner only). Several instances share Postgres, so there it must be set:
 * each instance making its own key would make the others' tokens unreadable.
 */
export function resolveSecretKey(options: { configured: string | undefined; sqliteFile: string | undefined }): string | undefined {
  if (options.configured) return options.configured;
  if (!options.sqliteFile || options.sqliteFile === ':memory:') return undefined;
  const file = join(dirname(options.sqliteFile), 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
