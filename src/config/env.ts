export interface Environment {
  databaseUrl: string;
  host: string;
  port: number;
  settingsFile: string | undefined;
  adminToken: string | undefined;
  logLevel: string;
  /** Marks cookies Secure; on by default unless the server listens on loopback only. */
  secureCookies: boolean;
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535 (got "${env.PORT}")`);
  }
  const host = env.HOST ?? '127.0.0.1';
  const adminToken = env.HIKESHI_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 16) {
    throw new Error('HIKESHI_ADMIN_TOKEN must be at least 16 characters');
  }
  return {
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/hikeshi.db',
    host,
    port,
    settingsFile: env.HIKESHI_CONFIG || undefined,
    adminToken,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.HIKESHI_SECURE_COOKIES
      ? env.HIKESHI_SECURE_COOKIES === 'true'
      : !['127.0.0.1', 'localhost', '::1'].includes(host),
  };
}
