import { readEnvironment } from '../config/env.js';
import { startApp } from '../app.js';
import { createLogger } from '../logger.js';

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
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  return 0;
}
