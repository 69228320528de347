import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendPageDm } from '../../src/slack/paging/page-dm.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import { prepareDelivery } from '../../src/usecases/paging/deliver-notification.js';
import type { PageView } from '../../src/usecases/paging/page-view.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
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
