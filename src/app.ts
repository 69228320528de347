import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import type { Environment } from './config/env.js';
import { loadSettings, type Settings } from './config/settings.js';
import { buildServer } from './http/server.js';
import { openDatabase, type DatabaseHandle } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';
import { bootstrapAdmin } from './usecases/auth/bootstrap-admin.js';
import type { Deps } from './usecases/deps.js';

export const WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));

export interface RunningApp {
  deps: Deps;
  server: FastifyInstance;
  handle: DatabaseHandle;
  url: string;
  firstAdmin?: { email: string; password: string };
  close(): Promise<void>;
}

/** Opens and migrates the database, loads settings, starts the HTTP server. */
export async function startApp(
  env: Environment,
  options: { logger: Logger | false; clock?: Clock; settings?: Settings; webRoot?: string } ,
): Promise<RunningApp> {
  const settings = options.settings ?? loadSettings(env.settingsFile);
  const handle = openDatabase(env.databaseUrl);
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.db.destroy();
    throw error;
  }
  const deps: Deps = {
    db: handle.db,
    engine: handle.engine,
    clock: options.clock ?? systemClock,
    settings,
    logger: options.logger || undefined,
  };
  const firstAdmin = await bootstrapAdmin(deps);
  const server = await buildServer(deps, {
    adminToken: env.adminToken,
    secureCookies: env.secureCookies,
    logger: options.logger,
    webRoot: options.webRoot ?? WEB_ROOT,
  });
  await server.listen({ host: env.host, port: env.port });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const host = env.host.includes(':') ? `[${env.host}]` : env.host;
  return {
    deps,
    server,
    handle,
    url: `http://${host}:${port}`,
    firstAdmin,
    async close() {
      await server.close();
      await handle.db.destroy();
    },
  };
}
