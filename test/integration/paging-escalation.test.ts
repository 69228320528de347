import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { Mailer, OutgoingEmail } from '../../src/notify/email.js';
import { openDatabase, type DatabaseHandle } from '../../src/store/database.js';
import type { Deps } from '../../src/usecases/deps.js';
import { escalatePage } from '../../src/usecases/paging/escalate-page.js';
import type { PageView } from '../../src/usecases/paging/page-view.js';
import { engines } from '../helpers/databases.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';

const MINUTE = 60_000;

/** An SMTP stand-in that records what it was asked to send. */
function recordingMailer(): Mailer & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    sent,
    async send(email) {
      sent.push(email);
      return { messageId: `<${sent.length}@test>` };
    },
    close() {},
  };
}

describe.each(engines)('page escalation on %s', (engine) => {
  let app: TestApp;
  let mailer: ReturnType<typeof recordingMailer>;
  let runner: JobRunner;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp(engine);
    app.deps.integrations = { slack: false, email: true };
    ids.ann = (await addUser(app.deps, 'Ann')).id;
    ids.bob = (await addUser(app.deps, 'Bob')).id;
    const policy = await app.api('POST', '/api/v1/escalation-policies', {
      name: 'Checkout',
      repeat: 1,
      levels: [
        { delayMinutes: 5, targets: [{ type: 'user', id: 'Ann' }] },
        { delayMinutes: 10, targets: [{ type: 'user', id: 'Bob' }] },
      ],
    });
    expect(policy.statusCode).toBe(201);
  });
  afterAll(async () => app?.close());
  beforeEach(() => {
    mailer = recordingMailer();
    runner = new JobRunner({ database: app.database, clock: app.clock, handlers: createJobHandlers({ deps: app.deps, mailer }), random: () => 0.5 });
  });

  const trigger = async (message: string): Promise<PageView> => {
    const answer = await app.api('POST', '/api/v1/pages', { message, escalationPolicyId: 'Checkout' });
    expect(answer.statusCode).toBe(201);
    return answer.json();
  };
  const show = async (page: PageView): Promise<PageView> => (await app.api('GET', `/api/v1/pages/${page.id}`)).json();
  const recipients = () => mailer.sent.map((m) => m.to.split('@')[0]);
  const wait = async (ms: number) => {
    app.clock.advance(ms);
    await runner.runDue();
  };

  it('notifies level 1, reaches level 2 after its delay, runs the levels again `repeat` times, then records exhausted', async () => {
    const page = await trigger('Checkout 5xx');
    await runner.runDue();
    expect(recipients()).toEqual(['ann']);
    expect(mailer.sent[0]!.subject).toContain('Checkout 5xx');

    await wait(5 * MINUTE - 1);
    expect(recipients()).toEqual(['ann']);
    await wait(1);
    expect(recipients()).toEqual(['ann', 'bob']);
    expect(await show(page)).toMatchObject({ level: 2, cycle: 0, nextEscalationAt: new Date(app.clock.now().getTime() + 10 * MINUTE).toISOString() });

    await wait(10 * MINUTE);
    expect(recipients()).toEqual(['ann', 'bob', 'ann']);
    await wait(5 * MINUTE);
    expect(recipients()).toEqual(['ann', 'bob', 'ann', 'bob']);
    await wait(10 * MINUTE);
    await wait(60 * MINUTE);
    expect(recipients()).toEqual(['ann', 'bob', 'ann', 'bob']);

    const final = await show(page);
    expect(final).toMatchObject({ status: 'triggered', level: 2, cycle: 1, nextEscalationAt: null });
    expect(final.events!.map((e) => `${e.kind}:${e.cycle}:${e.level}`)).toEqual([
      'triggered:0:0', 'notified:0:1', 'escalated:0:2', 'notified:0:2', 'escalated:1:1', 'notified:1:1', 'escalated:1:2', 'notified:1:2', 'exhausted:1:2',
    ]);
    expect(final.events![2]!.text).toBe('No acknowledgement within 5 minutes of level 1: escalated to level 2.');
    expect(final.notifications.map((n) => [n.cycle, n.level, n.recipient.name, n.channel, n.status])).toEqual([
      [0, 1, 'Ann', 'email', 'sent'], [0, 2, 'Bob', 'email', 'sent'], [1, 1, 'Ann', 'email', 'sent'], [1, 2, 'Bob', 'email', 'sent'],
    ]);
    expect(final.notifications.every((n) => n.sentAt !== null)).toBe(true);
  });

  it.each(['acknowledge', 'resolve'] as const)('stops escalating when the page is %sd: the pending timer does nothing', async (action) => {
    const page = await trigger(`stop by ${action}`);
    await runner.runDue();
    app.clock.advance(2 * MINUTE);
    expect((await app.api('POST', `/api/v1/pages/${page.id}/${action}`)).statusCode).toBe(200);
    await wait(5 * MINUTE);
    await wait(60 * MINUTE);
    expect(recipients()).toEqual(['ann']);
    const final = await show(page);
    expect(final).toMatchObject({ level: 1, cycle: 0, nextEscalationAt: null });
    expect(final.events!.map((e) => e.kind)).toEqual(['triggered', 'notified', action === 'acknowledge' ? 'acknowledged' : 'resolved']);
    const timer = await app.database.db.selectFrom('jobs').select(['status']).where('idempotency_key', '=', `page-escalate:${page.id}:0:1`).executeTakeFirstOrThrow();
    expect(timer.status).toBe('succeeded');
  });

  it('does not send a notification of a page acknowledged before it went out', async () => {
    const page = await trigger('acked at once');
    await app.api('POST', `/api/v1/pages/${page.id}/acknowledge`);
    await runner.runDue();
    expect(recipients()).toEqual([]);
    expect((await show(page)).notifications[0]).toMatchObject({ status: 'failed', error: 'Not sent: the page was acknowledged before it went out.' });
  });

  it('creates no second notification when the same escalation timer runs twice at once or again later', async () => {
    const page = await trigger('double timer');
    await runner.runDue();
    app.clock.advance(5 * MINUTE);
    const timer = { pageId: page.id, cycle: 0, level: 1 };
    const outcomes = await Promise.all([escalatePage(app.deps, timer), escalatePage(app.deps, timer)]);
    expect(outcomes.sort()).toEqual(['escalated', 'stale']);
    expect(await escalatePage(app.deps, timer)).toBe('stale');
    await runner.runDue();
    expect(recipients()).toEqual(['ann', 'bob']);
    const final = await show(page);
    expect(final.notifications.filter((n) => n.level === 2)).toHaveLength(1);
    expect(final.events!.filter((e) => e.kind === 'escalated')).toHaveLength(1);
  });

  it('a retried notify job whose e-mail was already marked sent does not send again', async () => {
    const page = await trigger('retry after send');
    await runner.runDue();
    const notification = (await show(page)).notifications[0]!;
    const handlers = createJobHandlers({ deps: app.deps, mailer });
    const ctx = { jobId: 0, kind: 'paging.notify', attempt: 2, maxAttempts: 10, now: app.clock.now(), database: app.database, signal: new AbortController().signal };
    await handlers['paging.notify']({ notificationId: notification.id }, ctx);
    expect(recipients()).toEqual(['ann']);
  });

  describe('two server instances sharing the database', () => {
    let second: DatabaseHandle;
    let secondDeps: Deps;
    beforeEach(() => {
      second = openDatabase(app.database.url, { poolSize: 4 });
      secondDeps = { db: second.db, engine, clock: new ManualClock(app.clock.now()), settings: DEFAULT_SETTINGS, integrations: { slack: false, email: true } };
    });
    afterEach(async () => second.db.destroy());

    it('each notification is sent exactly once when two job runners race over every timer', async () => {
      const runners = [
        runner,
        new JobRunner({ database: second, clock: secondDeps.clock, handlers: createJobHandlers({ deps: secondDeps, mailer }), random: () => 0.5 }),
      ];
      const pages = await Promise.all(Array.from({ length: 4 }, (_, i) => trigger(`race ${i}`)));
      const both = async (ms: number) => {
        app.clock.advance(ms);
        (secondDeps.clock as ManualClock).set(app.clock.now());
        await Promise.all(runners.map((r) => r.runDue()));
      };
      await both(0);
      for (let i = 0; i < 4; i++) await both(i % 2 === 0 ? 5 * MINUTE : 10 * MINUTE);
      await both(10 * MINUTE);
      // 4 pages × 2 levels × 2 runs, each e-mailed once (pages of earlier tests escalate too: leave them out).
      const raced = mailer.sent.filter((m) => m.subject.includes('race '));
      expect(raced).toHaveLength(16);
      for (const page of pages) {
        const final = await show(page);
        expect(final.notifications).toHaveLength(4);
        expect(new Set(final.notifications.map((n) => `${n.cycle}:${n.level}`)).size).toBe(4);
        expect(final.events!.filter((e) => e.kind === 'exhausted')).toHaveLength(1);
      }
      expect(new Set(raced.map((m) => `${m.to} ${m.subject}`)).size).toBe(8);
    });
  });
});
