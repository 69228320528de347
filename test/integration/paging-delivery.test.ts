import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { verifyWebhookSignature } from '../../src/notify/webhook.js';
import { sendPageDm } from '../../src/slack/paging/page-dm.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import { prepareDelivery } from '../../src/usecases/paging/deliver-notification.js';
import type { PageView } from '../../src/usecases/paging/page-view.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { engines } from '../helpers/databases.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';

describe.each(engines)('page notification delivery through Slack on %s', (engine) => {
  let app: SlackTestApp;

  beforeAll(async () => {
    app = await startSlackTestApp(engine);
    await createUser(app.deps, { name: 'Mia Member', email: 'mia@example.com', slackUserId: app.people.member }, SYSTEM_PRINCIPAL);
  });
  afterAll(async () => app?.close());

  const page = async (message: string): Promise<PageView> => {
    const answer = await app.api('POST', '/api/v1/pages', { message, userId: 'Mia Member' });
    expect(answer.statusCode).toBe(201);
    return answer.json();
  };
  const shown = async (p: PageView): Promise<PageView> => (await app.api('GET', `/api/v1/pages/${p.id}`)).json();

  it('sends a page as one Slack DM and records where it went', async () => {
    const before = app.emulator.callsTo('chat.postMessage').length;
    const p = await page('Disk full on db-1');
    expect(p.notifications).toMatchObject([{ recipient: { name: 'Mia Member' }, channel: 'slack', status: 'pending' }]);
    await app.runJobs();
    expect(app.emulator.callsTo('chat.postMessage').length - before).toBe(1);
    expect((await shown(p)).notifications[0]).toMatchObject({ status: 'sent', error: null });
  });

  it('pages once when the notify job is retried after a crash between the send and its record', async () => {
    const p = await page('Queue backlog');
    const notificationId = p.notifications[0]!.id;
    // The crashed attempt: the DM went out, then the process died before marking the row
    // sent; its job is left running under a lease that has run out.
    const task = await prepareDelivery(app.deps, notificationId);
    expect(task.kind).toBe('send');
    if (task.kind === 'send') await sendPageDm(app.runtime, task.notice);
    const sends = app.emulator.callsTo('chat.postMessage').length;
    await app.database.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_by: 'crashed-worker', locked_until: new Date(app.clock.now().getTime() - 1).toISOString() })
      .where('idempotency_key', '=', `page-notify:${notificationId}`)
      .execute();

    await app.runJobs();
    expect(app.emulator.callsTo('chat.postMessage').length).toBe(sends);
    const job = await app.database.db.selectFrom('jobs').select(['status', 'attempts']).where('idempotency_key', '=', `page-notify:${notificationId}`).executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'succeeded', attempts: 2 });
    expect((await shown(p)).notifications[0]).toMatchObject({ status: 'sent' });
  });
});

describe.each(engines)('page webhooks on %s', (engine) => {
  const SECRET = 'page-webhook-test-secret';
  let app: TestApp;
  let runner: JobRunner;
  let hook: Server;
  const received: { type: string; level: number; delivery: string; signed: boolean }[] = [];

  beforeAll(async () => {
    hook = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        const body = JSON.parse(raw) as { type: string; level: number };
        const signed = verifyWebhookSignature(SECRET, request.headers['x-hikeshi-timestamp'] as string, request.headers['x-hikeshi-signature'] as string, raw, new Date());
        received.push({ type: body.type, level: body.level, delivery: request.headers['x-hikeshi-delivery'] as string, signed });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const port = (hook.address() as { port: number }).port;
    process.env.PAGE_WEBHOOK_TEST_SECRET = SECRET;
    const settings = { ...DEFAULT_SETTINGS, paging: { webhooks: { bridge: { url: `http://127.0.0.1:${port}/hook`, secretEnv: 'PAGE_WEBHOOK_TEST_SECRET' } } } };
    app = await startTestApp(engine, { settings });
    runner = new JobRunner({ database: app.database, clock: app.clock, handlers: createJobHandlers({ deps: app.deps }) });
  });
  afterAll(async () => {
    await app?.close();
    hook?.close();
    delete process.env.PAGE_WEBHOOK_TEST_SECRET;
  });

  it('posts one signed webhook when paged, and tells it once of the acknowledgement and of the resolution', async () => {
    expect((await app.api('POST', '/api/v1/escalation-policies', { name: 'Bridge', levels: [{ delayMinutes: 5, targets: [{ type: 'webhook', id: 'bridge' }] }] })).statusCode).toBe(201);
    const p: PageView = (await app.api('POST', '/api/v1/pages', { message: 'Checkout down', escalationPolicyId: 'Bridge' })).json();
    await runner.runDue();
    expect(received.map((r) => [r.type, r.level, r.signed])).toEqual([['page.triggered', 1, true]]);
    expect(received[0]!.delivery).toBe(p.notifications[0]!.id);

    await app.api('POST', `/api/v1/pages/${p.id}/acknowledge`);
    await app.api('POST', `/api/v1/pages/${p.id}/acknowledge`);
    await app.api('POST', `/api/v1/pages/${p.id}/resolve`);
    await runner.runDue();
    expect(received.map((r) => [r.type, r.signed])).toEqual([['page.triggered', true], ['page.acknowledged', true], ['page.resolved', true]]);
    expect(new Set(received.map((r) => r.delivery)).size).toBe(3);
    expect((await app.api('GET', `/api/v1/pages/${p.id}`)).json().notifications).toMatchObject([{ channel: 'webhook', status: 'sent' }]);
  });
});
