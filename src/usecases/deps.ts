import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Settings } from '../config/settings.js';
import type { SecretBox } from '../security/secret-box.js';
import type { Db, Engine } from '../store/database.js';

/** What every use case may use; adapters build it once at start. */
export interface Deps {
  db: Db;
  engine: Engine;
  clock: Clock;
  settings: Settings;
  logger?: Logger;
  /** Seals secrets stored at rest (a rota source's address); absent without a secret key (Postgres without HIKESHI_SECRET_KEY). */
  secretBox?: SecretBox;
  /** Adapters with side effects to enqueue; off when not configured. `email`: SMTP is set up (pages are e-mailed). */
  integrations?: { slack: boolean; email?: boolean };
}
