import { createHmac } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../../src/clock.js';
import type { SlackEnvironment } from '../../src/config/env.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/config/settings.js';
import { buildServer } from '../../src/http/server.js';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { SecretBox } from '../../src/security/secret-box.js';
import { slackRoutes } from '../../src/slack/mount.js';
import { SlackRuntime } from '../../src/slack/runtime.js';
import type { Engine } from '../../src/store/database.js';
import type { Deps } from '../../src/usecases/deps.js';
import { startSlackEmulator, type SlackEmulator, type SlackEmulatorOptions } from '../slack-emulator/index.js';
import { ADMIN_TOKEN } from './app.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const SECRET_KEY = 'test-secret-key-for-sealing-slack-tokens';

export const BOT_SCOPES = [
  'channels:manage', 'channels:join', 'channels:read', 'channels:history', 'channels:write.invites', 'channels:write.topic',
  'groups:write', 'groups:read', 'groups:history', 'chat:write', 'chat:write.public', 'commands', 'pins:read',
  'reactions:read', 'users:read', 'users:read.email', 'usergroups:read', 'usergroups:write', 'im:write', 'im:history',
];
/** What the install's user scopes grant the admin's token (src/slack/install/scopes.ts USER_SCOPES). */
export const ADMIN_SCOPES = ['channels:write', 'channels:write.invites', 'groups:write', 'groups:write.invites', 'usergroups:read', 'usergroups:write', 'users:read'];

export interface SlackTestApp {
  emulator: SlackEmulator;
  database: TestDatabase;
  clock: ManualClock;
  deps: Deps;
  runtime: SlackRuntime;
  runner: JobRunner;
  server: FastifyInstance;
  /** Slack users of the seeded workspace. */
  people: { owner: string; admin: string; member: string; multiGuest: string; singleGuest: string; broadcast: string };
  /** Runs due jobs until none is left (advance `clock` first to reach retries). */
  runJobs(): Promise<number>;
  /** POSTs a Slack request to /slack/events, signed like Slack does. */
  slackRequest(body: string, contentType: 'application/json' | 'application/x-www-form-urlencoded', headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  api(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * Hikeshi with Slack against the emulator: a workspace with an owner, an admin, a member, a
 * multi-channel guest and a single-channel guest already in another channel; a bot token
 * and the admin's user token; jobs run by hand on a manual clock.
 */
export async function startSlackTestApp(
  engine: Engine,
  options: {
    strategy?: 'bot' | 'user' | 'auto';
    adminToken?: boolean;
    slackSettings?: Partial<Settings['slack']>;
    /** Passed to the emulator, e.g. `oauth` client credentials and redirect URI to enforce. */
    emulator?: SlackEmulatorOptions;
  } = {},
): Promise<SlackTestApp> {
  const emulator = await startSlackEmulator(options.emulator);
  const ws = emulator.workspace;
  const owner = ws.addUser({ name: 'olivia', real_name: 'Olivia Owner', kind: 'primary_owner' });
  const admin = ws.addUser({ name: 'adam', real_name: 'Adam Admin', kind: 'admin' });
  const member = ws.addUser({ name: 'mia', real_name: 'Mia Member' });
  const multiGuest = ws.addUser({ name: 'gus', real_name: 'Gus Guest', kind: 'multi_channel_guest' });
  const singleGuest = ws.addUser({ name: 'sina', real_name: 'Sina Guest', kind: 'single_channel_guest' });
  ws.addChannel({ name: 'vendor-support', members: [owner.id, admin.id, singleGuest.id], creator: admin.id });
  const broadcast = ws.addChannel({ name: 'incidents', members: [owner.id, admin.id, member.id, ws.botUser.id], creator: owner.id });
  const botToken = ws.issueBotToken(BOT_SCOPES);
  const userToken = options.adminToken === false ? undefined : ws.issueUserToken(admin.id, ADMIN_SCOPES);

  const database = await createTestDatabase(engine);
  const clock = new ManualClock(new Date());
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    slack: { ...DEFAULT_SETTINGS.slack, tokenStrategy: options.strategy ?? 'auto', broadcastChannel: broadcast.id, ...options.slackSettings },
  };
  const deps: Deps = { db: database.db, engine, clock, settings, integrations: { slack: true } };
  const env: SlackEnvironment = {
    signingSecret: SIGNING_SECRET,
    botToken,
    userToken,
    appToken: undefined,
    apiUrl: emulator.url,
    clientId: 'test-client-id',
    clientSecret: 'test-client-secret',
    stateSecret: 'test-state-secret-0123456789',
  };
  const runtime = new SlackRuntime(database.db, env, new SecretBox(SECRET_KEY));
  const runner = new JobRunner({ database, clock, handlers: createJobHandlers({ deps, slack: runtime }) });
  const server = await buildServer(deps, { adminToken: ADMIN_TOKEN, secureCookies: false, logger: false, slack: runtime, mounts: [slackRoutes(deps, runtime)] });
  await server.ready();

  return {
    emulator,
    database,
    clock,
    deps,
    runtime,
    runner,
    server,
    people: { owner: owner.id, admin: admin.id, member: member.id, multiGuest: multiGuest.id, singleGuest: singleGuest.id, broadcast: broadcast.id },
    async runJobs() {
      let total = 0;
      for (let ran = await runner.runDue(); ran > 0; ran = await runner.runDue()) total += ran;
      return total;
    },
    slackRequest(body, contentType, headers = {}) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
      return server.inject({
        method: 'POST',
        url: '/slack/events',
        headers: { 'content-type': contentType, 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature, ...headers },
        payload: body,
      });
    },
    api: (method, url, body) =>
      server.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    async close() {
      await server.close();
      await runner.stop();
      await emulator.close();
      await database.drop();
    },
  };
}
