export interface Environment {
  databaseUrl: string;
  host: string;
  port: number;
  settingsFile: string | undefined;
  adminToken: string | undefined;
  logLevel: string;
  /** Marks cookies Secure; on by default unless the server listens on loopback only. */
  secureCookies: boolean;
  /** HIKESHI_SECRET_KEY: encrypts stored Slack tokens (see src/security/secret-key.ts). */
  secretKey: string | undefined;
  /** HIKESHI_PUBLIC_URL: where people reach the web app, for links in notifications (the settings file's `publicUrl` wins). */
  publicUrl: string | undefined;
  /** HIKESHI_SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`): paging email is off without it. Never logged. */
  smtpUrl: string | undefined;
  /** HIKESHI_MAIL_FROM: the sender of paging email. */
  mailFrom: string;
  slack: SlackEnvironment;
}

/** Bolt's names; every value is optional: Hikeshi runs without Slack. */
export interface SlackEnvironment {
  signingSecret: string | undefined;
  botToken: string | undefined;
  /** A workspace admin's or owner's user token (xoxp-), for what only an admin may do. */
  userToken: string | undefined;
  /** Socket Mode app-level token (xapp-). */
  appToken: string | undefined;
  /** Another Web API base URL, e.g. the emulator in test/slack-emulator. */
  apiUrl: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  stateSecret: string | undefined;
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
    secretKey: env.HIKESHI_SECRET_KEY || undefined,
    publicUrl: publicUrl(env.HIKESHI_PUBLIC_URL),
    smtpUrl: env.HIKESHI_SMTP_URL || undefined,
    mailFrom: env.HIKESHI_MAIL_FROM || 'Hikeshi <hikeshi@localhost>',
    slack: {
      signingSecret: env.SLACK_SIGNING_SECRET || undefined,
      botToken: env.SLACK_BOT_TOKEN || undefined,
      userToken: env.SLACK_USER_TOKEN || undefined,
      appToken: env.SLACK_APP_TOKEN || undefined,
      apiUrl: env.SLACK_API_URL || undefined,
      clientId: env.SLACK_CLIENT_ID || undefined,
      clientSecret: env.SLACK_CLIENT_SECRET || undefined,
      stateSecret: env.SLACK_STATE_SECRET || undefined,
    },
    secureCookies: env.HIKESHI_SECURE_COOKIES
      ? env.HIKESHI_SECURE_COOKIES === 'true'
      : !['127.0.0.1', 'localhost', '::1'].includes(host),
  };
}

function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^https?:\/\/[^/\s]+/.test(value)) {
    throw new Error(`HIKESHI_PUBLIC_URL must be an http(s) URL such as https://hikeshi.example.com (got "${value}")`);
  }
  return value.replace(/\/+$/, '');
}
