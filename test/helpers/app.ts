import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../src/clock.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/config/settings.js';
import { buildServer } from '../../src/http/server.js';
import type { Engine } from '../../src/store/database.js';
import { createApiToken } from '../../src/usecases/auth/api-tokens.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import type { Deps } from '../../src/usecases/deps.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  server: FastifyInstance;
  deps: Deps;
  clock: ManualClock;
  database: TestDatabase;
  /** Calls the API as the given bearer token (the admin token by default). */
  api(method: string, url: string, body?: unknown, token?: string): Promise<LightMyRequestResponse>;
  tokenFor(role: 'admin' | 'responder' | 'viewer'): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApp(
  engine: Engine,
  options: { settings?: Settings; logger?: import('pino').Logger } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));
  const deps: Deps = { db: database.db, engine, clock, settings: options.settings ?? DEFAULT_SETTINGS };
  const server = await buildServer(deps, { adminToken: ADMIN_TOKEN, secureCookies: false, logger: options.logger ?? false });
  await server.ready();
  return {
    server,
    deps,
    clock,
    database,
    api: (method, url, body, token = ADMIN_TOKEN) =>
      server.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    async tokenFor(role) {
      return (await createApiToken(deps, { name: `${role} token`, role }, SYSTEM_PRINCIPAL)).token;
    },
    async close() {
      await server.close();
      await database.drop();
    },
  };
}

export async function addUser(deps: Deps, name: string, role: 'admin' | 'responder' | 'viewer' = 'responder', password?: string) {
  return createUser(deps, { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, role, password }, SYSTEM_PRINCIPAL);
}
