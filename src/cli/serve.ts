import { readEnvironment } from '../config/env.js';
import { startApp } from '../app.js';
import { createLogger } from '../logger.js';
import { loadSeverityPolicyFile } from '../usecases/severity/load-policy-file.js';

export async function serve(): Promise<number> {
  const env = readEnvironment();
  const logger = createLogger(env.logLevel);
  const app = await startApp(env, { logger });
  if (app.firstAdmin) {
    // Printed once, to the terminal only: the password is stored as a hash.
    process.stdout.write(
      `\nFirst run: an administrator was created.\n  email:    ${app.firstAdmin.email}\n  password: ${app.firstAdmin.password}\n` +
        `Sign in at ${app.url} and change it. This is the only time it is shown.\n\n`,
    );
  }
  logger.info({ url: app.url, database: app.handle.describe }, 'Hikeshi is serving');
  // SIGHUP reads the severity policy file again; a refused file is logged and the running policy stays.
  const reloadPolicy = () => void loadSeverityPolicyFile(app.deps).catch((error: unknown) => logger.error({ err: error }, 'severity policy reload failed'));
  process.on('SIGHUP', reloadPolicy);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.off('SIGHUP', reloadPolicy);
  await app.close();
  return 0;
}
