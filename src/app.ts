import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { systemClock, type Clock } from './clock.js';
import type { Environment } from './config/env.js';
import { loadSettings, type Settings } from './config/settings.js';
import { buildServer } from './http/server.js';
import { scheduleHousekeeping } from './jobs/handlers/purge-finished.js';
import { createJobHandlers } from './jobs/kinds.js';
import { JobRunner } from './jobs/runner.js';
import { SecretBox } from './security/secret-box.js';
import { resolveSecretKey } from './security/secret-key.js';
import { slackRoutes } from './slack/mount.js';
import { SlackRuntime, slackConfigured } from './slack/runtime.js';
import { openDatabase, parseDatabaseUrl, type DatabaseHandle } from './store/database.js';
import { migrateToLatest } from './store/migrate.js';
import { bootstrapAdmin } from './usecases/auth/bootstrap-admin.js';
import { loadRunbooks } from './usecases/runbooks/load-runbooks.js';
import { loadSeverityPolicyFile } from './usecases/severity/load-policy-file.js';
import { loadSlos } from './usecases/slos/load-slos.js';
import type { Deps } from './usecases/deps.js';
import { startReconcileRounds } from './usecases/oncall/user-groups/start-reconcile-rounds.js';
import { scheduleWeeklyPosts } from './usecases/reports/schedule-weekly-posts.js';

export const WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));

export interface RunningApp {
  deps: Deps;
  server: FastifyInstance;
  handle: DatabaseHandle;
  url: string;
  firstAdmin?: { email: string; password: string };
  runner: JobRunner;
  close(): Promise<void>;
}

/** Opens and migrates the database, loads settings, starts the HTTP server. */
export async function startApp(
  env: Environment,
  options: { logger: Logger | false; clock?: Clock; settings?: Settings; webRoot?: string; runJobs?: boolean },
): Promise<RunningApp> {
  const loaded = options.settings ?? loadSettings(env.settingsFile);
  // The settings file's publicUrl wins over HIKESHI_PUBLIC_URL; use cases read only settings.
  const settings = env.publicUrl && !loaded.publicUrl ? { ...loaded, publicUrl: env.publicUrl } : loaded;
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
  const secretKey = resolveSecretKey({
    configured: env.secretKey,
    sqliteFile: handle.engine === 'sqlite' ? parseDatabaseUrl(env.databaseUrl).target : undefined,
  });
  const box = secretKey ? new SecretBox(secretKey) : undefined;
  if (box) deps.secretBox = box;
  const slack = slackConfigured(env.slack) ? new SlackRuntime(handle.db, env.slack, box, deps.logger) : undefined;
  // nodemailer is loaded only where e-mail is configured: it costs start-up time and memory.
  const mailer = env.smtpUrl ? (await import('./notify/email.js')).createMailer({ url: env.smtpUrl, from: env.mailFrom }) : undefined;
  deps.integrations = { slack: slack !== undefined, email: mailer !== undefined };
  const firstAdmin = await bootstrapAdmin(deps);
  await loadRunbooks(deps);
  await loadSeverityPolicyFile(deps);
  await loadSlos(deps);
  await scheduleHousekeeping(handle.db, deps.clock.now());
  await scheduleWeeklyPosts(deps, handle.db, deps.clock.now(), { catchUp: true });
  if (slack) await startReconcileRounds(deps);
  const runner = new JobRunner({
    database: handle,
    clock: deps.clock,
    handlers: createJobHandlers({ deps, slack, mailer }),
    // Side effects people wait for (the incident channel) start within a quarter second;
    // an idle poll is one indexed query.
    pollIntervalMs: 250,
    logger: options.logger || undefined,
  });
  const server = await buildServer(deps, {
    adminToken: env.adminToken,
    secureCookies: env.secureCookies,
    logger: options.logger,
    webRoot: options.webRoot ?? WEB_ROOT,
    slack,
    mounts: slack ? [slackRoutes(deps, slack)] : [],
  });
  await server.listen({ host: env.host, port: env.port });
  if (options.runJobs !== false) runner.start();
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const host = env.host.includes(':') ? `[${env.host}]` : env.host;
  return {
    deps,
    server,
    handle,
    url: `http://${host}:${port}`,
    firstAdmin,
    runner,
    async close() {
      await server.close();
      await runner.stop();
      mailer?.close();
      await handle.db.destroy();
    },
  };
}
