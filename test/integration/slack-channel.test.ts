import { afterEach, describe, expect, it } from 'vitest';
import type { JobContext } from '../../src/jobs/handler.js';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { listJobs } from '../../src/store/repositories/jobs.js';
import { findIncidentChannel } from '../../src/store/repositories/slack.js';
import { createTeam } from '../../src/usecases/catalog/teams.js';
import { declareIncident } from '../../src/usecases/incidents/declare-incident.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { addUser } from '../helpers/app.js';
import { engines } from '../helpers/databases.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';

type TimelineItem = { kind: string; payload: Record<string, unknown> };

describe.each(engines)('incident channel automation on %s', (engine) => {
  let app: SlackTestApp;
  let running: SlackTestApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  const start = async (options: Parameters<typeof startSlackTestApp>[1] = {}) => {
    app = await startSlackTestApp(engine, options);
    running = app;
    return app;
  };
  const trio = () => [app.people.member, app.people.multiGuest, app.people.singleGuest];
  const declare = async (title: string, body: Record<string, unknown> = {}) => {
    const answer = await app.api('POST', '/api/v1/incidents', { title, ...body });
    expect(answer.statusCode).toBe(201);
    return answer.json() as { id: string; number: number };
  };
  const timeline = async (id: string): Promise<TimelineItem[]> => (await app.api('GET', `/api/v1/incidents/${id}/timeline`)).json().items;
  const slackEntries = async (id: string) =>
    (await timeline(id)).filter((e) => e.kind.startsWith('slack.')).map(({ kind, payload }) => ({ kind, payload }));
  const incidentChannels = () => [...app.emulator.workspace.channels.values()].filter((c) => c.name.startsWith('inc-'));
  const stored = async (id: string) => findIncidentChannel(app.deps.db, id);
  const channelOf = async (id: string) => {
    const row = await stored(id);
    expect(row, 'the incident channel is stored').toBeDefined();
    return app.emulator.workspace.channels.get(row!.channelId)!;
  };
  const messagesIn = (channelId: string) => app.emulator.workspace.messages.filter((m) => m.channel === channelId);
  const pendingJobs = async () => (await listJobs(app.deps.db, { status: 'pending' })).length;
  /** Moves the clock a minute at a time, running what is due, until no job is left. */
  const runUntilIdle = async (stepMs = 60_000, rounds = 40) => {
    await app.runJobs();
    for (let i = 0; i < rounds && (await pendingJobs()) > 0; i++) {
      app.clock.advance(stepMs);
      await app.runJobs();
    }
    expect(await pendingJobs()).toBe(0);
  };

  it('guest trio: one channel with the member and the multi-channel guest in it, the single-channel guest explained, all on the timeline', async () => {
    await start();
    app.deps.settings.slack.defaultResponders = trio();
    const { id } = await declare('Checkout errors in EU', { severity: 'SEV2' });
    await runUntilIdle();

    expect(incidentChannels().map((c) => c.name)).toEqual(['inc-1-checkout-errors-in-eu']);
    const channel = await channelOf(id);
    const { member, multiGuest, singleGuest, admin, broadcast } = app.people;
    expect(channel.members).toEqual(expect.arrayContaining([app.emulator.workspace.botUser.id, member, multiGuest, admin]));
    expect(channel.members).not.toContain(singleGuest);
    expect(channel.topic.value).toBe('Status: Triage | Severity: SEV2 | Commander: unassigned');

    // The guest was invited with the admin's token, the member with the bot's.
    const invites = app.emulator.callsTo('conversations.invite').filter((c) => c.answer.ok === true);
    expect(invites.find((c) => String(c.args.users).includes(member))!.tokenKind).toBe('bot');
    expect(invites.find((c) => String(c.args.users).includes(multiGuest))!.tokenKind).toBe('user');

    const messages = messagesIn(channel.id);
    const summary = messages.find((m) => JSON.stringify(m.blocks ?? []).includes('"type":"actions"'));
    expect(summary, 'the summary with its buttons').toBeDefined();
    expect((await stored(id))!.summaryTs).toBe(summary!.ts);
    expect(messages.filter((m) => m.text.includes(`<@${singleGuest}>`) && m.text.includes('single-channel guest'))).toHaveLength(1);
    const announcement = messagesIn(broadcast);
    expect(announcement).toHaveLength(1);
    expect(JSON.stringify(announcement[0]!.blocks)).toContain(`<#${channel.id}>`);

    const entries = await slackEntries(id);
    expect(entries).toEqual(
      expect.arrayContaining([
        { kind: 'slack.channel_created', payload: { channelId: channel.id, channelName: channel.name, via: 'bot', adopted: false } },
        { kind: 'slack.invited', payload: { slackUserIds: [member], via: 'bot' } },
        { kind: 'slack.invited', payload: { slackUserIds: [multiGuest], via: 'admin' } },
        expect.objectContaining({ kind: 'slack.invite_skipped', payload: expect.objectContaining({ slackUserId: singleGuest, reason: 'ura_max_channels' }) }),
        { kind: 'slack.posted', payload: { channelId: channel.id, message: 'summary' } },
        { kind: 'slack.posted', payload: { channelId: broadcast, message: 'announcement' } },
      ]),
    );
    expect(entries.filter((e) => e.kind === 'slack.step_failed')).toEqual([]);
    expect((await listJobs(app.deps.db)).filter((j) => j.status !== 'succeeded')).toEqual([]);
  });

  it('a rate limit (429, Retry-After 30 s) waits exactly as asked, records the failure once, then creates the channel', async () => {
    await start();
    app.emulator.failNext('conversations.create', { status: 429, retryAfter: 30 }, 2);
    const { id } = await declare('DB failover');
    await app.runJobs();
    expect(incidentChannels()).toEqual([]);
    expect(app.emulator.callsTo('conversations.create')).toHaveLength(1);

    app.clock.advance(29_000);
    await app.runJobs();
    expect(app.emulator.callsTo('conversations.create'), 'not before Retry-After').toHaveLength(1);

    app.clock.advance(2_000);
    await app.runJobs(); // second 429
    expect(app.emulator.callsTo('conversations.create')).toHaveLength(2);
    app.clock.advance(31_000);
    await runUntilIdle();

    expect(incidentChannels().map((c) => c.name)).toEqual(['inc-1-db-failover']);
    const failures = (await slackEntries(id)).filter((e) => e.kind === 'slack.step_failed');
    expect(failures).toEqual([
      { kind: 'slack.step_failed', payload: { step: 'slack.createChannel', error: 'Slack conversations.create: rate limited', willRetry: true } },
    ]);
  });

  it('the guest trio with Slack answering 429 and 500 for a while: declaring still works, every step catches up, each failure is on the timeline once', async () => {
    await start();
    app.deps.settings.slack.defaultResponders = trio();
    app.emulator.failNext('*', { status: 500 }, 4);
    const { id } = await declare('Payments down');
    await app.runJobs();
    expect(incidentChannels()).toEqual([]);
    app.emulator.failNext('conversations.invite', { status: 429, retryAfter: 20 }, 2);
    app.emulator.failNext('conversations.invite', { status: 503 }, 3);
    app.emulator.failNext('users.info', { status: 429, retryAfter: 5 });
    app.emulator.failNext('chat.postMessage', { status: 500 }, 2);
    await runUntilIdle(30_000);

    expect(incidentChannels()).toHaveLength(1);
    const channel = await channelOf(id);
    expect(channel.members).toEqual(expect.arrayContaining([app.people.member, app.people.multiGuest]));
    expect(channel.members).not.toContain(app.people.singleGuest);
    expect(messagesIn(channel.id).filter((m) => JSON.stringify(m.blocks ?? []).includes('"type":"actions"'))).toHaveLength(1);
    expect(messagesIn(app.people.broadcast)).toHaveLength(1);
    expect(messagesIn(channel.id).filter((m) => m.text.includes('single-channel guest'))).toHaveLength(1);

    const failures = (await slackEntries(id)).filter((e) => e.kind === 'slack.step_failed');
    expect(failures.length).toBeGreaterThan(0);
    const distinct = new Set(failures.map((f) => `${f.payload.step} ${f.payload.error}`));
    expect(distinct.size, 'no failure written twice').toBe(failures.length);
    expect(failures.every((f) => f.payload.willRetry === true)).toBe(true);
    expect(failures.map((f) => f.payload.step)).toContain('slack.createChannel');
    expect(failures.map((f) => f.payload.error)).toEqual(
      expect.arrayContaining(['Slack conversations.invite: rate limited', 'Slack conversations.invite: HTTP 503', 'Slack users.info: rate limited']),
    );
    const entries = await slackEntries(id);
    expect(entries).toEqual(
      expect.arrayContaining([
        { kind: 'slack.invited', payload: { slackUserIds: [app.people.member], via: 'bot' } },
        { kind: 'slack.invited', payload: { slackUserIds: [app.people.multiGuest], via: 'admin' } },
        expect.objectContaining({ kind: 'slack.invite_skipped', payload: expect.objectContaining({ slackUserId: app.people.singleGuest, reason: 'ura_max_channels' }) }),
      ]),
    );
    expect(entries.filter((e) => e.kind === 'slack.invite_skipped')).toHaveLength(1);
    expect((await listJobs(app.deps.db)).filter((j) => j.status !== 'succeeded')).toEqual([]);
  });

  it('crash between conversations.create and storing the channel: the rerun adopts the channel the bot made, no second channel', async () => {
    await start();
    const ws = app.emulator.workspace;
    // What a crash leaves behind: Slack has the bot's channel, Hikeshi does not know it.
    const orphan = ws.addChannel({ name: 'inc-1-db-failover', members: [ws.botUser.id], creator: ws.botUser.id });
    const { id } = await declare('DB failover');
    await runUntilIdle();

    expect(incidentChannels().map((c) => c.id)).toEqual([orphan.id]);
    expect((await stored(id))!.channelId).toBe(orphan.id);
    expect((await slackEntries(id)).find((e) => e.kind === 'slack.channel_created')!.payload).toMatchObject({ channelId: orphan.id, adopted: true });

    // Running the job again (a restart replaying it) creates nothing either.
    const before = app.emulator.callsTo('conversations.create').length;
    const handlers = createJobHandlers({ deps: app.deps, slack: app.runtime });
    await handlers['slack.createChannel']({ incidentId: id }, jobContext(app, 'slack.createChannel', 2));
    expect(app.emulator.callsTo('conversations.create')).toHaveLength(before);
    expect(incidentChannels()).toHaveLength(1);
    expect((await slackEntries(id)).filter((e) => e.kind === 'slack.channel_created')).toHaveLength(1);
  });

  it('replaying every Slack job after a restart (the answers were lost) posts, invites and records nothing twice', async () => {
    await start();
    app.deps.settings.slack.defaultResponders = trio();
    const { id } = await declare('Checkout errors');
    await runUntilIdle();
    const channel = await channelOf(id);
    const before = { messages: app.emulator.workspace.messages.length, members: [...channel.members], entries: await slackEntries(id) };

    const handlers = createJobHandlers({ deps: app.deps, slack: app.runtime });
    // Stored rows are cleared as if the crash came before they were written: the messages must be found, not reposted.
    await handlers['slack.createChannel']({ incidentId: id }, jobContext(app, 'slack.createChannel', 2));
    await handlers['slack.inviteResponders']({ incidentId: id }, jobContext(app, 'slack.inviteResponders', 2));
    await handlers['slack.syncChannel']({ incidentId: id }, jobContext(app, 'slack.syncChannel', 2));
    await handlers['slack.announceIncident']({ incidentId: id }, jobContext(app, 'slack.announceIncident', 2));

    expect(app.emulator.workspace.messages).toHaveLength(before.messages);
    expect(channel.members).toEqual(before.members);
    expect(await slackEntries(id)).toEqual(before.entries);
    expect(incidentChannels()).toHaveLength(1);
  });

  it("a same-named channel someone else made is left alone: the incident gets '-2'", async () => {
    await start();
    app.emulator.workspace.addChannel({ name: 'inc-1-db-failover', members: [app.people.member], creator: app.people.member });
    const { id } = await declare('DB failover');
    await runUntilIdle();
    expect((await channelOf(id)).name).toBe('inc-1-db-failover-2');
  });

  it('no admin token: both guests are skipped with an explanation in the channel and on the timeline', async () => {
    await start({ adminToken: false });
    app.deps.settings.slack.defaultResponders = trio();
    const { id } = await declare('Login slow');
    await runUntilIdle();

    const channel = await channelOf(id);
    expect(channel.members).toContain(app.people.member);
    expect(channel.members).not.toContain(app.people.multiGuest);
    expect(channel.members).not.toContain(app.people.singleGuest);
    expect(app.emulator.calls.filter((c) => c.tokenKind === 'user')).toEqual([]);
    for (const guest of [app.people.multiGuest, app.people.singleGuest]) {
      expect(messagesIn(channel.id).filter((m) => m.text.includes(`<@${guest}>`) && m.text.includes('workspace admin'))).toHaveLength(1);
    }
    const skipped = (await slackEntries(id)).filter((e) => e.kind === 'slack.invite_skipped');
    expect(skipped.map((e) => [e.payload.slackUserId, e.payload.reason])).toEqual([
      [app.people.multiGuest, 'guest_needs_admin_token'],
      [app.people.singleGuest, 'guest_needs_admin_token'],
    ]);
  });

  it('strategy bot: the admin token is never used, even though it is configured', async () => {
    await start({ strategy: 'bot' });
    app.deps.settings.slack.defaultResponders = trio();
    const { id } = await declare('Search errors');
    await runUntilIdle();
    expect(app.emulator.calls.filter((c) => c.tokenKind === 'user')).toEqual([]);
    const channel = await channelOf(id);
    expect(channel.creator).toBe(app.emulator.workspace.botUser.id);
    expect(channel.members).not.toContain(app.people.multiGuest);
    expect((await slackEntries(id)).filter((e) => e.kind === 'slack.invite_skipped').map((e) => e.payload.reason)).toEqual([
      'guest_needs_admin_token',
      'guest_needs_admin_token',
    ]);
  });

  it('strategy user: the admin creates the channel, brings the bot in and invites everyone', async () => {
    await start({ strategy: 'user' });
    app.deps.settings.slack.defaultResponders = trio();
    const { id } = await declare('Search errors');
    await runUntilIdle();
    const channel = await channelOf(id);
    expect(channel.creator).toBe(app.people.admin);
    expect(channel.members).toEqual(expect.arrayContaining([app.emulator.workspace.botUser.id, app.people.member, app.people.multiGuest]));
    const entries = await slackEntries(id);
    expect(entries.find((e) => e.kind === 'slack.channel_created')!.payload).toMatchObject({ via: 'admin', adopted: false });
    expect(entries.filter((e) => e.kind === 'slack.invited').map((e) => e.payload.via)).toEqual(['admin']);
    expect(channel.topic.value).toMatch(/^Status: Triage/);
  });

  it('auto: when the workspace lets only admins create channels, the admin token creates it', async () => {
    await start();
    app.emulator.failNext('conversations.create', { error: 'restricted_action' });
    const { id } = await declare('Queue backlog');
    await runUntilIdle();
    const channel = await channelOf(id);
    expect(channel.creator).toBe(app.people.admin);
    expect(channel.members).toContain(app.emulator.workspace.botUser.id);
    expect((await slackEntries(id)).filter((e) => e.kind === 'slack.step_failed')).toEqual([]);
  });

  it('a refusal no retry can fix is written once as final, and the declaration is still announced', async () => {
    await start({ strategy: 'bot' });
    app.emulator.failNext('conversations.create', { error: 'restricted_action' });
    const { id } = await declare('Queue backlog');
    await runUntilIdle();
    expect(incidentChannels()).toEqual([]);
    expect(app.emulator.callsTo('conversations.create')).toHaveLength(1);
    const entries = await slackEntries(id);
    expect(entries).toEqual([
      { kind: 'slack.step_failed', payload: { step: 'slack.createChannel', error: 'Slack conversations.create: restricted_action', willRetry: false } },
      { kind: 'slack.posted', payload: { channelId: app.people.broadcast, message: 'announcement' } },
    ]);
    expect(messagesIn(app.people.broadcast)[0]!.text).toContain('INC-1 declared: Queue backlog');
  });

  it('Japanese titles give a valid channel name and render in the summary and the announcement', async () => {
    await start();
    const mixed = await declare('決済APIの遅延');
    const japanese = await declare('決済の遅延');
    await runUntilIdle();
    expect((await channelOf(mixed.id)).name).toBe('inc-1-api');
    expect((await channelOf(japanese.id)).name).toBe('inc-2');
    const channel = await channelOf(mixed.id);
    const summaryTs = (await stored(mixed.id))!.summaryTs;
    const summary = messagesIn(channel.id).find((m) => m.ts === summaryTs);
    expect(JSON.stringify(summary!.blocks)).toContain('INC-1: 決済APIの遅延');
    expect(messagesIn(app.people.broadcast).map((m) => m.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('決済APIの遅延'), expect.stringContaining('決済の遅延')]),
    );
  });

  it('invites the declarer, the commander, the default responders and the default teams, whoever declared it from where', async () => {
    await start();
    const olivia = await addUser(app.deps, 'Olivia');
    const mia = await addUser(app.deps, 'Mia');
    const gus = await addUser(app.deps, 'Gus');
    await app.api('PATCH', `/api/v1/users/${olivia.id}`, { slackUserId: app.people.owner });
    await app.api('PATCH', `/api/v1/users/${mia.id}`, { slackUserId: app.people.member });
    await app.api('PATCH', `/api/v1/users/${gus.id}`, { slackUserId: app.people.multiGuest });
    await createTeam(app.deps, { name: 'vendor', memberIds: [gus.id] }, SYSTEM_PRINCIPAL);
    app.deps.settings.slack.defaultTeams = ['vendor'];
    app.deps.settings.slack.defaultResponders = [app.people.member];
    // Declared by a person (as the web app, the CLI or Slack would), not by an API token.
    const incident = await declareIncident(app.deps, { title: 'Cache stampede' }, { role: 'responder', userId: olivia.id, actor: { type: 'user', id: olivia.id, name: 'Olivia' } });
    await runUntilIdle();
    const channel = await channelOf(incident.id);
    expect(channel.members).toEqual(expect.arrayContaining([app.people.owner, app.people.member, app.people.multiGuest]));
  });

  it('a status change updates the topic and the summary in place (a burst is one sync), echoes it, and invites the new commander', async () => {
    await start();
    const mia = await addUser(app.deps, 'Mia Member');
    await app.api('PATCH', `/api/v1/users/${mia.id}`, { slackUserId: app.people.member });
    const { id } = await declare('Checkout errors');
    await runUntilIdle();
    const channel = await channelOf(id);
    const summaryTs = (await stored(id))!.summaryTs!;
    expect(channel.members).not.toContain(app.people.member);

    await app.api('PATCH', `/api/v1/incidents/${id}`, { status: 'investigating' });
    await app.api('PATCH', `/api/v1/incidents/${id}`, { severity: 'SEV1' });
    await app.api('PATCH', `/api/v1/incidents/${id}`, { roles: { commander: mia.id } });
    await app.runJobs();
    app.clock.advance(2_000);
    await runUntilIdle();

    expect(channel.topic.value).toBe('Status: Investigating | Severity: SEV1 | Commander: Mia Member');
    const summaries = messagesIn(channel.id).filter((m) => JSON.stringify(m.blocks ?? []).includes('"type":"actions"'));
    expect(summaries.map((m) => m.ts)).toEqual([summaryTs]);
    expect(JSON.stringify(summaries[0]!.blocks)).toContain('Investigating');
    expect(JSON.stringify(summaries[0]!.blocks)).toContain(`<@${app.people.member}>`);
    expect(channel.members).toContain(app.people.member);
    const texts = messagesIn(channel.id).map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining([
      expect.stringContaining('*Status*: Triage → Investigating'),
      expect.stringContaining('*Severity*: SEV4 → SEV1'),
      expect.stringContaining(`*Commander*: <@${app.people.member}>`),
    ]));
    const syncs = await listJobs(app.deps.db, { kind: 'slack.syncChannel' });
    expect(syncs.length, 'the initial sync and one for the burst').toBe(2);
    // The announcement in the broadcast channel follows the incident too.
    expect(messagesIn(app.people.broadcast)[0]!.text).toContain('SEV1');

    await app.api('PATCH', `/api/v1/incidents/${id}`, { status: 'resolved' });
    await app.runJobs();
    app.clock.advance(2_000);
    await runUntilIdle();
    const broadcast = messagesIn(app.people.broadcast);
    expect(broadcast).toHaveLength(2);
    expect(broadcast[0]!.text).toMatch(/^INC-1 resolved/);
    expect(broadcast[1]!.text).toContain('*INC-1 resolved*');
    expect(channel.topic.value).toMatch(/^Status: Resolved/);
  });

  it('status updates appear in the incident channel and in the broadcast channel, once each', async () => {
    await start();
    const { id } = await declare('Checkout errors');
    await runUntilIdle();
    const answer = await app.api('POST', `/api/v1/incidents/${id}/timeline`, { kind: 'status_update', body: '原因を特定しました。\nFix rolling out.' });
    expect(answer.statusCode).toBe(201);
    await runUntilIdle();
    const channel = await channelOf(id);
    expect(messagesIn(channel.id).filter((m) => m.text.includes('> 原因を特定しました。'))).toHaveLength(1);
    const broadcast = messagesIn(app.people.broadcast).filter((m) => m.text.includes('status update'));
    expect(broadcast).toHaveLength(1);
    expect(broadcast[0]!.text).toContain('> Fix rolling out.');
    expect(broadcast[0]!.text).toContain(`<#${channel.id}>`);
  });

  it('a status update posted while Slack is down, before the channel exists, reaches the channel once it does', async () => {
    await start();
    app.emulator.failNext('conversations.create', { status: 503 }, 3);
    const { id } = await declare('Checkout errors');
    await app.runJobs();
    await app.api('POST', `/api/v1/incidents/${id}/timeline`, { kind: 'status_update', body: 'Still looking.' });
    await runUntilIdle();
    const channel = await channelOf(id);
    expect(messagesIn(channel.id).filter((m) => m.text.includes('Still looking.'))).toHaveLength(1);
    expect(messagesIn(app.people.broadcast).filter((m) => m.text.includes('Still looking.'))).toHaveLength(1);
  });
});

function jobContext(app: SlackTestApp, kind: string, attempt: number): JobContext {
  return { jobId: 0, kind, attempt, maxAttempts: 25, now: app.clock.now(), database: app.database, signal: new AbortController().signal };
}
