import { createTransport } from 'nodemailer';
import type { NodemailerError } from 'nodemailer/lib/errors';
import { PermanentError, RetryableError } from '../jobs/errors.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Sends one email; a failure is a RetryableError or a PermanentError (src/jobs/errors.ts). */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

export interface MailerConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`. */
  url: string;
  /** `Hikeshi <hikeshi@example.com>` */
  from: string;
}

/** Bounds on each wait, so a silent server fails the job and lets the runner retry it. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

// Retrying cannot fix these until the configuration changes.
const CONFIGURATION_CODES = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'EREQUIRETLS']);

/** A pooled nodemailer SMTP transport. The URL's password is never written anywhere. */
export function createMailer(config: MailerConfig): Mailer {
  assertSmtpUrl(config.url);
  const transport = createTransport({ url: config.url, pool: true, maxConnections: 2, ...TIMEOUTS });
  return {
    async send(email) {
      try {
        const info = await transport.sendMail({ from: config.from, ...email });
        return { messageId: info.messageId };
      } catch (error) {
        throw classifyMailError(error, config.url);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** `smtp://user:***@host:587`: the URL as it may appear in logs and errors. */
export function redactSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function assertSmtpUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('HIKESHI_SMTP_URL is not a URL (expected smtp://user:password@host:port or smtps://…)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error(`HIKESHI_SMTP_URL must start with smtp:// or smtps:// (got ${parsed.protocol}//)`);
  }
  if (!parsed.hostname) throw new Error('HIKESHI_SMTP_URL names no host');
}

/**
 * SMTP's own answer decides: a 5xx refusal (nodemailer's `permanent`) or a credential or TLS
 * requirement problem is permanent; a 4xx, a timeout or a dropped connection is worth a retry.
 */
function classifyMailError(error: unknown, url: string): RetryableError | PermanentError {
  const e = error as NodemailerError;
  const reply = e.responseCode ? ` (SMTP ${e.responseCode})` : '';
  const text = `email via ${redactSmtpUrl(url)} failed${reply}: ${scrub(e.message ?? String(error), url)}`;
  if (e.permanent === true || (e.code !== undefined && CONFIGURATION_CODES.has(e.code))) {
    return new PermanentError(text);
  }
  return new RetryableError(text);
}

function scrub(message: string, url: string): string {
  const password = safePassword(url);
  return password ? message.split(password).join('***') : message;
}

function safePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}
