import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAuthentication } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { readEnvironment } from '../../src/config/env.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { PermanentError, RetryableError } from '../../src/jobs/errors.js';
import { createMailer, redactSmtpUrl, type Mailer } from '../../src/notify/email.js';
import { pageEmail } from '../../src/notify/page-email.js';
import type { PageNotice } from '../../src/usecases/paging/page-notice.js';
import type { PageView } from '../../src/usecases/paging/page-view.js';
import { ADMIN_TOKEN, addUser } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';

const notice: PageNotice = {
  notificationId: 'pn_1',
  pageId: 'pg_1',
  pageNumber: 12,
  message: 'Payments DB <primary> is down',
  details: 'Replication lag 900 s\nWrites failing since 13:58',
  level: 2,
  cycle: 1,
  policyName: 'Payments',
  status: 'triggered',
  incident: { id: 'inc_1', reference: 'INC-7', title: 'Refunds failing' },
  pageUrl: 'https://hikeshi.example.com/pages/pg_1',
  createdAt: '2026-12-01T13:58:00.000Z',
  createdByName: 'Support Sam',
  recipient: { userId: 'u_1', name: 'Mia Member', email: 'mia@example.com', slackUserId: null },
};

interface Delivered {
  from: string;
  to: string[];
  raw: string;
  user: string | undefined;
}

describe('paging email through a real local SMTP server', () => {
  let server: SMTPServer;
  let port: number;
  let delivered: Delivered[];
  let mailers: Mailer[];
  /** The server's answer to the next message (after DATA); undefined accepts it. */
  let refuse: { code: number; message: string } | undefined;

  beforeEach(async () => {
    delivered = [];
    mailers = [];
    refuse = undefined;
    server = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth: SMTPServerAuthentication, _session, callback) {
        if (auth.username === 'hikeshi' && auth.password === 'p@ss:w0rd') callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (refuse) return callback(Object.assign(new Error(refuse.message), { responseCode: refuse.code }));
          delivered.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
            user: session.user as string | undefined,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    for (const mailer of mailers) mailer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const mailer = (url = `smtp://hikeshi:${encodeURIComponent('p@ss:w0rd')}@127.0.0.1:${port}`) => {
    const created = createMailer({ url, from: 'Hikeshi <hikeshi@localhost>' });
    mailers.push(created);
    return created;
  };

  it('delivers the page email, authenticated with the URL credentials, from the configured sender', async () => {
    const email = pageEmail(notice, 'en');
    const sent = await mailer().send({ to: 'mia@example.com', ...email });
    expect(sent.messageId).toMatch(/^<.+>$/);
    expect(delivered).toHaveLength(1);
    const [mail] = delivered as [Delivered];
    expect(mail.user).toBe('hikeshi');
    expect(mail.from).toBe('hikeshi@localhost');
    expect(mail.to).toEqual(['mia@example.com']);
    expect(mail.raw).toMatch(/^From: Hikeshi <hikeshi@localhost>$/m);
    expect(mail.raw).toMatch(/^Subject: Page #12: Payments DB <primary> is down$/m);
    expect(mail.raw).toContain('multipart/alternative');
    expect(mail.raw).toContain('text/html');
    expect(mail.raw).toContain('https://hikeshi.example.com/pages/pg_1');
  });

  it('a Japanese email survives the trip (encoded subject and body)', async () => {
    const email = pageEmail({ ...notice, message: '決済DBが停止' }, 'ja');
    await mailer().send({ to: 'mia@example.com', ...email });
    const raw = delivered[0]!.raw;
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(raw).not.toContain('決済DBが停止');
  });

  it('a 5xx refusal is permanent and a 4xx is retryable', async () => {
    refuse = { code: 550, message: 'mailbox unavailable' };
    const permanent = await mailer().send({ to: 'nobody@example.com', ...pageEmail(notice) }).catch((e: unknown) => e);
    expect(permanent).toBeInstanceOf(PermanentError);
    expect((permanent as Error).message).toContain('SMTP 550');
    refuse = { code: 451, message: 'try again later' };
    const retryable = await mailer().send({ to: 'mia@example.com', ...pageEmail(notice) }).catch((e: unknown) => e);
    expect(retryable).toBeInstanceOf(RetryableError);
    expect(delivered).toHaveLength(0);
  });

  it('wrong credentials are permanent and the error never shows the password', async () => {
    const error = await mailer(`smtp://hikeshi:wrong-secret-pw@127.0.0.1:${port}`)
      .send({ to: 'mia@example.com', ...pageEmail(notice) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as Error).message).toContain(`smtp://hikeshi:***@127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('wrong-secret-pw');
  });

  it('a server that is not there is retryable', async () => {
    const closedPort = port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const error = await mailer(`smtp://127.0.0.1:${closedPort}`).send({ to: 'mia@example.com', ...pageEmail(notice) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableError);
  });

  it('refuses a URL that is not smtp:// or smtps://, without echoing it', () => {
    expect(() => createMailer({ url: 'http://user:hunter2@mail.example.com', from: 'x@y' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => createMailer({ url: 'not a url hunter2', from: 'x@y' })).toThrow(/^HIKESHI_SMTP_URL is not a URL/);
    expect(redactSmtpUrl('smtps://me:hunter2@mail.example.com:465')).toBe('smtps://me:***@mail.example.com:465');
  });
});

describe('the page email text', () => {
  it('in English names the level with its repeat, the policy, the incident and links to the page', () => {
    const { subject, text, html } = pageEmail(notice, 'en');
    expect(subject).toBe('Page #12: Payments DB <primary> is down');
    expect(text).toContain('You are being paged, Mia Member.');
    expect(text).toContain('Escalation level: 2 (repeat 1)');
    expect(text).toContain('Escalation policy: Payments');
    expect(text).toContain('Incident: INC-7 Refunds failing');
    expect(text).toContain('Replication lag 900 s\nWrites failing since 13:58');
    expect(text).toContain('Open the page to acknowledge or resolve it: https://hikeshi.example.com/pages/pg_1');
    expect(html).toContain('<a href="https://hikeshi.example.com/pages/pg_1">');
    expect(html).toContain('Payments DB &lt;primary&gt; is down');
    expect(html).not.toContain('<primary>');
  });

  it('in Japanese', () => {
    const { subject, text } = pageEmail(notice, 'ja');
    expect(subject).toBe('呼び出し #12: Payments DB <primary> is down');
    expect(text).toContain('Mia Member さん、呼び出しです。');
    expect(text).toContain('エスカレーションレベル: 2（繰り返し 1 回目）');
    expect(text).toContain('https://hikeshi.example.com/pages/pg_1');
  });

  it('a multi-line message makes a one-line subject; an acknowledged page says so; no details, no details section', () => {
    const { subject, text } = pageEmail({ ...notice, message: 'db down\nsee graph', details: '', status: 'acknowledged' }, 'en');
    expect(subject).toBe('[Acknowledged] Page #12: db down see graph');
    expect(text.startsWith('Page #12 is acknowledged.')).toBe(true);
    expect(text).not.toContain('Details:');
  });
});

describe.each(engines)('the composition root sends page email when HIKESHI_SMTP_URL is set, on %s', (engine) => {
  let server: SMTPServer;
  let database: TestDatabase;
  let app: RunningApp;
  const delivered: { to: string[]; raw: string }[] = [];

  beforeEach(async () => {
    delivered.length = 0;
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    database = await createTestDatabase(engine);
    const env = readEnvironment({
      DATABASE_URL: database.url,
      PORT: '0',
      HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN,
      HIKESHI_SECRET_KEY: 'test-secret-key-for-sealing-slack-tokens',
      HIKESHI_SMTP_URL: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
      HIKESHI_MAIL_FROM: 'Hikeshi Pager <pager@example.com>',
      HIKESHI_PUBLIC_URL: 'https://hikeshi.example.com/',
    });
    app = await startApp(env, { logger: false, settings: DEFAULT_SETTINGS });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.server.inject({ method, url, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, ...(payload ? { payload } : {}) });

  it('a page to a person without Slack goes out by email, with the link to the page, and is recorded sent', async () => {
    const ann = await addUser(app.deps, 'Ann');
    const created = await api('POST', '/api/v1/pages', { message: 'Checkout 5xx', userId: ann.id });
    expect(created.statusCode).toBe(201);
    const page = created.json() as PageView;
    await vi.waitFor(() => expect(delivered).toHaveLength(1), { timeout: 10_000, interval: 100 });
    expect(delivered[0]!.to).toEqual(['ann@example.com']);
    expect(delivered[0]!.raw).toMatch(/^From: Hikeshi Pager <pager@example.com>$/m);
    expect(delivered[0]!.raw).toContain(`https://hikeshi.example.com/pages/${page.id}`);
    await vi.waitFor(
      async () => {
        const shown = (await api('GET', `/api/v1/pages/${page.id}`)).json() as PageView;
        expect(shown.notifications).toMatchObject([{ channel: 'email', status: 'sent', recipient: { id: ann.id } }]);
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});
