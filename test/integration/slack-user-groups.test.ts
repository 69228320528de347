import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { SlackRuntime } from '../../src/slack/runtime.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import { declareIncident } from '../../src/usecases/incidents/declare-incident.js';
import { createSchedule } from '../../src/usecases/oncall/manage-schedules.js';
import { addOverride } from '../../src/usecases/oncall/overrides.js';
import { configureUserGroup } from '../../src/usecases/oncall/user-groups/configure-user-group.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { engines } from '../helpers/databases.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';
import { eventBody, JSON_TYPE } from '../helpers/slack-payloads.js';

/** A Monday noon; the rota below hands over daily at 09:00 UTC. */
const NOW = '2026-11-30T12:00:00.000Z';
const HANDOFF = '2026-12-01T09:00:00.000Z';
const TEN_MINUTES = 10 * 60_000;

describe.each(engines)('Slack user group of a schedule on %s', (engine) => {
  let t: SlackTestApp;

  afterEach(async () => t.close());

  /** Slack ids of the two people who take turns on the Payments schedule, today first. */
  async function start(turns: (p: SlackTestApp['people']) => [string, string], options: Parameters<typeof startSlackTestApp>[1] = {}) {
    t = await startSlackTestApp(engine, options);
    t.clock.set(NOW);
    for (const [name, email, slackUserId] of [
      ['Mia Member', 'mia@example.com', t.people.member],
      ['Adam Admin', 'adam@example.com', t.people.admin],
      ['Gus Guest', 'gus@example.com', t.people.multiGuest],
    ] as const) {
      await createUser(t.deps, { name, email, slackUserId }, SYSTEM_PRINCIPAL);
    }
    const layer = { name: 'Daily', participants: turns(t.people), rotation: { unit: 'days' as const, length: 1 }, handoffTime: '09:00', startDate: '2026-11-30' };
    await createSchedule(t.deps, { name: 'Payments', timeZone: 'UTC', layers: [layer] }, SYSTEM_PRINCIPAL);
  }

  const ws = () => t.emulator.workspace;
  const group = () => ws().usergroupByHandle('oncall');
  const updates = () => t.emulator.callsTo('usergroups.users.update').filter((c) => c.answer.ok === true);
  const status = async () => (await t.api('GET', '/api/v1/schedules/Payments/slack-user-group')).json();
  /** What the bot said to a person in their DM with it. */
  const dms = (slackUserId: string) => {
    const im = ws().findIm(ws().botUser.id, slackUserId);
    return im ? ws().messagesIn(im.id).map((m) => m.text) : [];
  };

  async function syncOncallGroup() {
    const response = await t.api('PUT', '/api/v1/schedules/Payments/slack-user-group', {});
    expect(response.statusCode).toBe(200);
    await t.runJobs();
  }

  it('at a handoff holds exactly the new on-call member; the bot token refused falls back to the admin user token', async () => {
    await start((p) => [p.member, p.admin]);
    expect(ws().settings.usergroupsManagedBy).toBe('admins'); // Slack's default
    await syncOncallGroup();

    const created = group()!;
    expect(created.users).toEqual([t.people.member]);
    const creates = t.emulator.callsTo('usergroups.create');
    expect(creates.map((c) => [c.tokenKind, c.answer.ok ? 'ok' : c.answer.error])).toEqual([['bot', 'permission_denied'], ['user', 'ok']]);
    expect(updates().map((c) => c.tokenKind)).toEqual(['user']);
    expect(await status()).toMatchObject({
      handle: 'oncall',
      usergroupId: created.id,
      members: [t.people.member],
      guestsLeftOut: [],
      lastSyncResult: 'set',
      lastSyncDetail: `members set with the admin user token (Slack user ${t.people.admin})`,
      warning: null,
    });

    await declareIncident(t.deps, { title: 'Refunds fail', severity: 'SEV2' }, SYSTEM_PRINCIPAL);
    t.clock.set(HANDOFF);
    await t.runJobs();

    expect(group()!.users).toEqual([t.people.admin]);
    expect(updates()).toHaveLength(2);
    expect(dms(t.people.admin)).toEqual([
      `:wave: Your on-call shift on *Payments* starts now until Wed 2 Dec 2026, 09:00 (UTC).\nPeople reach you with <!subteam^${created.id}|@oncall>, which Hikeshi keeps set to the people on call, or with \`@hikeshi oncall Payments\`.`,
    ]);
    const [summary, ...more] = dms(t.people.member);
    expect(more).toEqual([]);
    expect(summary).toMatch(new RegExp(`^:checkered_flag: Your on-call shift on \\*Payments\\* has ended; <@${t.people.admin}> is on call now\\.\n\\*Open incidents \\(1\\):\\*\n• INC-1 · SEV2 · triage — Refunds fail\nNo open pages notified you\.$`));

    // Nothing runs twice: the timer, the notices and the sync are keyed by the handoff.
    t.clock.set(new Date(Date.parse(HANDOFF) + 1_000));
    await t.runJobs();
    expect(updates()).toHaveLength(2);
    expect(dms(t.people.admin)).toHaveLength(1);
    const timers = await t.deps.db.selectFrom('jobs').select(['idempotency_key', 'status']).where('kind', '=', 'oncall.applyHandoff').orderBy('run_at').execute();
    expect(timers.map((j) => j.idempotency_key)).toEqual([
      expect.stringMatching(/:2026-12-01T09:00:00.000Z$/),
      expect.stringMatching(/:2026-12-02T09:00:00.000Z$/),
    ]);
    expect(timers.map((j) => j.status)).toEqual(['succeeded', 'pending']);

    // A notice job that crashed after Slack posted (its lease ran out) finds its message on the retry.
    await t.deps.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_by: 'crashed-worker', locked_until: new Date(t.clock.now().getTime() - 1).toISOString() })
      .where('kind', '=', 'oncall.notifyHandoff')
      .execute();
    await t.runJobs();
    expect(dms(t.people.admin)).toHaveLength(1);
    expect(dms(t.people.member)).toHaveLength(1);
    const notices = await t.deps.db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'oncall.notifyHandoff').execute();
    expect(notices.map((j) => [j.status, j.attempts])).toEqual(notices.map(() => ['succeeded', 2]));
  });

  it('when the new on-call is a guest, @Hikeshi oncall mentions the guest and the group keeps its last member with a warning', async () => {
    await start((p) => [p.member, p.multiGuest]);
    await syncOncallGroup();
    expect(group()!.users).toEqual([t.people.member]);

    t.clock.set(HANDOFF);
    await t.runJobs();

    expect(group()!.users).toEqual([t.people.member]);
    expect(updates()).toHaveLength(1);
    const now = await status();
    expect(now).toMatchObject({
      members: [t.people.member],
      guestsLeftOut: [{ userId: expect.any(String), name: 'Gus Guest', slackUserId: t.people.multiGuest }],
      lastSyncResult: 'kept',
      warning: '@oncall keeps its current members: only Gus Guest (a guest, whom Slack keeps out of user groups) is on call, and Slack cannot empty a user group.',
      warningAt: HANDOFF,
    });
    expect(dms(t.people.multiGuest)).toEqual([
      ':wave: Your on-call shift on *Payments* starts now until Wed 2 Dec 2026, 09:00 (UTC).\n' +
        'Slack keeps guests out of user groups, so you are not in @oncall: people reach you by mentioning the app, `@hikeshi oncall Payments`, which answers with a mention of you.',
    ]);
    const channelNotice = ws().messagesIn(t.people.broadcast).filter((m) => m.user === ws().botUser.id);
    expect(channelNotice.map((m) => m.text)).toEqual([expect.stringContaining(`<@${t.people.multiGuest}> is on call for *Payments* from now`)]);

    // Someone in a channel asks the app: the answer mentions the guest.
    const channel = ws().addChannel({ name: 'customer-support', members: [t.people.owner, t.people.multiGuest, ws().botUser.id] }).id;
    const text = `<@${ws().botUser.id}> oncall refunds are failing`;
    const message = ws().addMessage({ channel, user: t.people.owner, text });
    const event = { type: 'app_mention', user: t.people.owner, text, ts: message.ts, channel, event_ts: message.ts };
    expect((await t.slackRequest(eventBody('Ev0001', event), JSON_TYPE)).statusCode).toBe(200);
    await t.runJobs();
    const [answer] = ws().messagesIn(channel).filter((m) => m.user === ws().botUser.id && m.thread_ts === message.ts);
    expect(answer!.text).toContain(`*Payments*: <@${t.people.multiGuest}>`);
  });

  it('the reconcile repairs a member someone added by hand, and leaves a right group alone', async () => {
    await start((p) => [p.member, p.admin]);
    ws().settings.usergroupsManagedBy = 'everyone';
    await syncOncallGroup();
    expect(updates().map((c) => c.tokenKind)).toEqual(['bot']);
    expect(t.emulator.calls.filter((c) => c.tokenKind === 'user' && c.method.startsWith('usergroups.'))).toEqual([]);

    group()!.users.push(t.people.owner); // edited in Slack
    t.clock.advance(TEN_MINUTES);
    await t.runJobs();
    expect(group()!.users).toEqual([t.people.member]);
    expect(updates()).toHaveLength(2);

    // A right group costs one read per round, no write; a 429 is retried after Retry-After.
    const reads = t.emulator.callsTo('usergroups.users.list').length;
    t.clock.advance(TEN_MINUTES);
    await t.runJobs();
    expect(updates()).toHaveLength(2);
    expect(t.emulator.callsTo('usergroups.users.list').length).toBe(reads + 1);

    group()!.users = [t.people.owner];
    t.emulator.failNext('usergroups.users.update', { status: 429, retryAfter: 30 }, 1);
    t.clock.advance(TEN_MINUTES);
    await t.runJobs();
    expect(group()!.users).toEqual([t.people.owner]);
    t.clock.advance(30_000);
    await t.runJobs();
    expect(group()!.users).toEqual([t.people.member]);
  });

  it('a restart after a missed handoff syncs once and announces the shift once', async () => {
    await start((p) => [p.member, p.admin]);
    await syncOncallGroup();
    await t.runner.stop();

    // Down from before the handoff until three hours after it; then a new instance starts.
    t.clock.set(new Date(Date.parse(HANDOFF) + 3 * 3_600_000));
    const runtime = new SlackRuntime(t.deps.db, t.runtime.env, t.runtime.box);
    const runner = new JobRunner({ database: t.database, clock: t.clock, handlers: createJobHandlers({ deps: t.deps, slack: runtime }) });
    const runAll = async () => {
      while ((await runner.runDue()) > 0);
    };
    await runAll();
    t.clock.advance(10_000); // a sync that found the group busy runs again, and finds it right
    await runAll();
    await runner.stop();

    expect(group()!.users).toEqual([t.people.admin]);
    expect(updates()).toHaveLength(2);
    expect(dms(t.people.admin)).toHaveLength(1);
    expect(dms(t.people.member)).toHaveLength(1);
    const failed = await t.deps.db.selectFrom('jobs').select(['kind', 'last_error']).where('status', '=', 'failed').execute();
    expect(failed).toEqual([]);
  });

  it('an override starting now hands over at once', async () => {
    await start((p) => [p.member, p.admin]);
    ws().settings.usergroupsManagedBy = 'everyone';
    await syncOncallGroup();
    await addOverride(t.deps, 'Payments', { userId: 'adam@example.com', start: NOW, end: '2026-11-30T14:00:00.000Z' }, SYSTEM_PRINCIPAL);
    await t.runJobs();
    expect(group()!.users).toEqual([t.people.admin]);
    expect(dms(t.people.admin)[0]).toContain('starts now until Mon 30 Nov 2026, 14:00 (UTC)');

    t.clock.set('2026-11-30T14:00:00.000Z');
    await t.runJobs();
    expect(group()!.users).toEqual([t.people.member]);
    expect(dms(t.people.member)).toEqual([
      expect.stringContaining('has ended'),
      expect.stringContaining('starts now until Tue 1 Dec 2026, 09:00 (UTC)'),
    ]);
  });

  it('records, without failing the job, that neither token may manage user groups, naming the Slack setting', async () => {
    await start((p) => [p.member, p.admin], { adminToken: false });
    await syncOncallGroup();
    expect(group()).toBeUndefined();
    const now = await status();
    expect(now).toMatchObject({ usergroupId: null, lastSyncResult: 'failed' });
    expect(now.warning).toContain('the bot token: permission_denied; no workspace admin token is stored');
    expect(now.warning).toContain('Tools & settings > Workspace settings > Permissions > User Groups');
    const jobs = await t.deps.db.selectFrom('jobs').select('status').where('kind', '=', 'oncall.syncUserGroup').execute();
    expect(jobs.map((j) => j.status)).toEqual(['succeeded']);
  });

  it('records a handle Slack has given to a channel, and that a free plan has no user groups', async () => {
    await start((p) => [p.member, p.admin]);
    ws().settings.usergroupsManagedBy = 'everyone';
    expect((await t.api('PUT', '/api/v1/schedules/Payments/slack-user-group', { handle: 'incidents' })).statusCode).toBe(200);
    await t.runJobs();
    expect(await status()).toMatchObject({ handle: 'incidents', lastSyncResult: 'failed', warning: '@incidents is taken in Slack by a channel or a person: choose another handle.' });

    ws().settings.plan = 'free';
    await t.api('PUT', '/api/v1/schedules/Payments/slack-user-group', { handle: 'oncall' });
    await t.runJobs();
    expect((await status()).warning).toMatch(/^Slack user groups need a paid Slack plan/);
    const jobs = await t.deps.db.selectFrom('jobs').select('status').where('kind', '=', 'oncall.syncUserGroup').execute();
    expect(jobs.map((j) => j.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('adopts an existing group, refuses a bad or taken handle, and stops syncing on DELETE', async () => {
    await start((p) => [p.member, p.admin]);
    ws().settings.usergroupsManagedBy = 'everyone';
    const existing = ws().addUsergroup({ name: 'On call', handle: 'oncall', channels: [] });
    existing.users = [t.people.owner];
    await syncOncallGroup();
    expect(t.emulator.callsTo('usergroups.create')).toEqual([]);
    expect(existing.users).toEqual([t.people.member]);
    expect((await status()).usergroupId).toBe(existing.id);

    const bad = await t.api('PUT', '/api/v1/schedules/Payments/slack-user-group', { handle: 'On Call' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'validation.invalid_field', field: 'handle' });
    await createSchedule(t.deps, { name: 'Platform', timeZone: 'UTC', layers: [] }, SYSTEM_PRINCIPAL);
    const taken = await t.api('PUT', '/api/v1/schedules/Platform/slack-user-group', { handle: '@oncall' });
    expect(taken.statusCode).toBe(409);
    expect((await t.api('GET', '/api/v1/schedules/Platform/slack-user-group')).statusCode).toBe(404);
    const withoutSlack = { ...t.deps, integrations: { slack: false } };
    await expect(configureUserGroup(withoutSlack, 'Platform', { handle: 'platform' }, SYSTEM_PRINCIPAL)).rejects.toThrow(/Slack is not configured/);

    expect((await t.api('DELETE', '/api/v1/schedules/Payments/slack-user-group')).statusCode).toBe(204);
    t.clock.set(HANDOFF);
    await t.runJobs();
    expect(existing.users).toEqual([t.people.member]);
    expect(dms(t.people.admin)).toHaveLength(1); // the notice still goes; only the group is left alone
  });

  it('hikeshi schedule user-group turns the sync on, shows it, and turns it off', async () => {
    await start((p) => [p.member, p.admin]);
    ws().settings.usergroupsManagedBy = 'everyone';
    const saved = { ...process.env };
    Object.assign(process.env, { DATABASE_URL: t.database.url, HIKESHI_CONFIG: '', SLACK_BOT_TOKEN: t.runtime.env.botToken, HIKESHI_SECRET_KEY: 'a test secret key of at least 32 characters' });
    const hikeshi = async (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await main(argv, { out: (text) => void (out += text), err: (text) => void (err += text), stdinIsTTY: true, readStdin: async () => '' });
      return { code, out, err };
    };
    try {
      const on = await hikeshi('schedule', 'user-group', 'Payments', '--handle', 'oncall');
      expect(on).toMatchObject({ code: 0, err: '' });
      expect(on.out).toContain('Syncing @oncall with Payments');
      expect(on.out).toMatch(/Group:\s+@oncall \(not in Slack yet\)/);

      t.clock.set(new Date(Date.now() + 1_000)); // the command ran on the wall clock
      await t.runJobs();
      const shown = await hikeshi('schedule', 'user-group', 'Payments');
      expect(shown.out).toMatch(new RegExp(`Group:\\s+@oncall \\(${group()!.id}\\)`));
      expect(shown.out).toMatch(new RegExp(`Members:\\s+(${t.people.member}|${t.people.admin})\n`));
      expect((await hikeshi('schedule', 'user-group', 'Payments', '--handle', 'oncall', '--off')).code).toBe(2);
      expect((await hikeshi('schedule', 'user-group', 'Payments', '--off')).out).toContain('No longer syncing a user group for Payments');
      expect((await t.api('GET', '/api/v1/schedules/Payments/slack-user-group')).statusCode).toBe(404);
    } finally {
      process.env = saved;
    }
  });
});
