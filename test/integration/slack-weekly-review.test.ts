import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackAutomation } from '../../src/slack/automation/automation.js';
import { postWeeklyHandler, WEEKLY_REVIEW_EVENT_TYPE } from '../../src/slack/reports/post-weekly-job.js';
import { scheduleWeeklyPosts } from '../../src/usecases/reports/schedule-weekly-posts.js';
import { engines } from '../helpers/databases.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';

describe.each(engines)('weekly review posted to Slack on %s', (engine) => {
  let app: SlackTestApp;
  const posts = () =>
    app.emulator.workspace
      .messagesIn(app.people.broadcast)
      .filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === WEEKLY_REVIEW_EVENT_TYPE)
      .map((m) => ({ text: m.text ?? '', mark: (m.metadata as { event_payload: { week: string; scope: string } }).event_payload }));
  const startUp = () => scheduleWeeklyPosts(app.deps, app.database.db, app.clock.now(), { catchUp: true });

  beforeAll(async () => {
    app = await startSlackTestApp(engine);
    app.deps.settings.reports = { timeZone: 'Asia/Tokyo', weekly: { channel: app.people.broadcast, day: 'monday', time: '10:00', scopes: [{}] } };
    expect((await app.api('POST', '/api/v1/services', { name: 'checkout' })).statusCode).toBe(201);
  });
  afterAll(async () => app?.close());

  it('posts once on schedule: Monday 10:00 Asia/Tokyo, for the week just ended', async () => {
    app.clock.set('2026-11-29T14:00:00Z'); // Sunday 23:00 JST: the server runs and plans Monday's post
    await scheduleWeeklyPosts(app.deps, app.database.db, app.clock.now(), { catchUp: false });
    await app.runJobs();
    expect(posts()).toEqual([]);
    app.clock.set('2026-11-30T00:59:00Z');
    await app.runJobs();
    expect(posts()).toEqual([]);
    app.clock.set('2026-11-30T01:00:00Z');
    await app.runJobs();
    expect(posts().map((p) => p.mark)).toEqual([{ week: '2026-W48', scope: 'organisation' }]);
    expect(posts()[0]!.text).toContain('*Weekly review 2026-W48 — Organisation*');
    expect(posts()[0]!.text).toContain('No incidents this week.');
  });

  it('posts once after a restart that missed the time, and a second start-up does not post again', async () => {
    // Down from Sunday to Tuesday: W49's post (Monday 10:00 JST) was due while nothing ran.
    app.clock.set('2026-12-08T03:00:00Z');
    // A scope added while the server was down has never been planned: start-up catches it up too.
    app.deps.settings.reports!.weekly!.scopes = [{}, { service: 'checkout' }];
    await startUp();
    await app.runJobs();
    expect(posts().map((p) => p.mark)).toEqual([
      { week: '2026-W48', scope: 'organisation' },
      { week: '2026-W49', scope: 'organisation' },
      { week: '2026-W49', scope: 'service:checkout' },
    ]);
    app.clock.set('2026-12-08T03:05:00Z');
    await startUp();
    await app.runJobs();
    expect(posts()).toHaveLength(3);
  });

  it('never posts twice when the job is retried after Slack took the message', async () => {
    const handler = postWeeklyHandler(app.deps, new SlackAutomation(app.deps, app.runtime));
    const retry = { jobId: 0, kind: 'reports.postWeekly', attempt: 2, maxAttempts: 10, now: app.clock.now(), database: app.database, signal: new AbortController().signal };
    await handler({ week: '2026-W49' }, retry);
    await handler({ week: '2026-W49', service: 'checkout' }, retry);
    expect(posts()).toHaveLength(3);
  });
});
