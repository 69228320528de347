import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { slackRoutes } from '../../src/slack/mount.js';
import { scheduleHousekeeping } from '../../src/jobs/handlers/purge-finished.js';
import { SlackRuntime } from '../../src/slack/runtime.js';
import { decodeJson } from '../../src/store/json.js';
import { listEvents } from '../../src/store/repositories/timeline.js';
import { engines } from '../helpers/databases.js';
import { eventBody, FORM, incidentWithChannel, JSON_TYPE, commandBody, signedRequest, timed } from '../helpers/slack-payloads.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';
import { startSocketModePeer, type SocketModePeer } from '../helpers/socket-mode-peer.js';

describe.each(engines)('Slack request URL /slack/events on %s', (engine) => {
  let t: SlackTestApp;
  beforeEach(async () => {
    t = await startSlackTestApp(engine);
  });
  afterEach(async () => t.close());

  const captureJobs = () => t.deps.db.selectFrom('jobs').selectAll().where('kind', '=', 'slack.captureMessage').execute();
  const captured = async (incidentId: string) => (await listEvents(t.deps.db, incidentId)).filter((e) => e.kind === 'slack.message_captured');

  describe('verification', () => {
    const help = () => commandBody({ text: 'help', channel: t.people.broadcast, user: t.people.member });

    it('answers a correctly signed request', async () => {
      const response = await signedRequest(t, help(), FORM);
      expect(response.statusCode).toBe(200);
    });

    it('refuses a bad signature with 401 and runs nothing', async () => {
      const response = await signedRequest(t, help(), FORM, { secret: 'not-the-signing-secret' });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ ok: false, detail: 'the signature does not match' });
      expect(t.emulator.calls).toEqual([]);
    });

    it('refuses a body altered after signing with 401', async () => {
      const response = await signedRequest(t, help(), FORM, { tamperedBody: help().replace('help', 'resolve') });
      expect(response.statusCode).toBe(401);
    });

    it('refuses a timestamp older than 5 minutes with 401, even when correctly signed', async () => {
      const response = await signedRequest(t, help(), FORM, { timestamp: Math.floor(Date.now() / 1000) - 5 * 60 - 10 });
      expect(response.statusCode).toBe(401);
      expect(response.json().detail).toMatch(/more than 5 minutes/);
    });

    it('refuses a request without the signature headers with 401', async () => {
      const response = await t.server.inject({ method: 'POST', url: '/slack/events', headers: { 'content-type': FORM }, payload: help() });
      expect(response.statusCode).toBe(401);
    });

    it('answers url_verification with the challenge', async () => {
      const { response, ms } = await timed(
        t.slackRequest(JSON.stringify({ token: 'x', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' }), JSON_TYPE),
      );
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
      expect(ms).toBeLessThan(1000);
    });

    it("answers Slack's ssl_check with an empty 200", async () => {
      const response = await t.slackRequest('ssl_check=1&token=x', FORM);
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('');
    });

    it('refuses a signed body that is not JSON with 400, not 500', async () => {
      const response = await t.slackRequest('{"type":', JSON_TYPE);
      expect(response.statusCode).toBe(400);
    });
  });

  describe('timeline capture', () => {
    const reaction = (user: string, channel: string, ts: string, name = 'pushpin') => ({
      type: 'reaction_added',
      user,
      reaction: name,
      item_user: t.people.member,
      item: { type: 'message', channel, ts },
      event_ts: '1700000100.000100',
    });
    const pin = (user: string, channel: string, ts: string) => ({
      type: 'pin_added',
      user,
      channel_id: channel,
      item: { type: 'message', created: 1_700_000_100, created_by: user, channel, message: { type: 'message', ts, user: t.people.member, text: '…' } },
      event_ts: '1700000100.000200',
    });

    it('copies a message marked :pushpin: to the timeline with its author and link, answering the event at once', async () => {
      const { incident, channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
      const message = t.emulator.workspace.addMessage({ channel: channelId, user: t.people.member, text: 'Primary DB failed over to replica 2' });

      const { response, ms } = await timed(t.slackRequest(eventBody('Ev0001', reaction(t.people.admin, channelId, message.ts)), JSON_TYPE));
      expect(response.statusCode).toBe(200);
      expect(ms).toBeLessThan(1000);
      expect(t.emulator.calls).toEqual([]); // nothing fetched before the answer: a job does it
      expect(await captureJobs()).toHaveLength(1);

      await t.runJobs();
      const entries = await captured(incident.id);
      expect(entries).toEqual([
        expect.objectContaining({
          kind: 'slack.message_captured',
          actor: expect.objectContaining({ type: 'user', name: 'Adam Admin' }),
          payload: {
            body: 'Primary DB failed over to replica 2',
            author: 'Mia Member',
            authorSlackId: t.people.member,
            permalink: `https://emulated.slack.com/archives/${channelId}/p${message.ts.replace('.', '')}`,
            ts: message.ts,
          },
        }),
      ]);
    });

    it('captures a pinned message, and the same message once however often it is marked', async () => {
      const { incident, channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin, t.people.owner]);
      const message = t.emulator.workspace.addMessage({ channel: channelId, user: t.people.member, text: 'Rollback started' });

      expect((await t.slackRequest(eventBody('Ev0010', pin(t.people.admin, channelId, message.ts)), JSON_TYPE)).statusCode).toBe(200);
      await t.runJobs();
      expect(await captured(incident.id)).toHaveLength(1);

      // Another person's pushpin, and the pin again after the job ran: still one entry.
      expect((await t.slackRequest(eventBody('Ev0011', reaction(t.people.owner, channelId, message.ts)), JSON_TYPE)).statusCode).toBe(200);
      expect((await t.slackRequest(eventBody('Ev0012', pin(t.people.owner, channelId, message.ts)), JSON_TYPE)).statusCode).toBe(200);
      await t.runJobs();
      const entries = await captured(incident.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.payload).toMatchObject({ body: 'Rollback started', author: 'Mia Member' });
    });

    it("captures a thread reply with its thread's link", async () => {
      const { incident, channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
      const ws = t.emulator.workspace;
      const parent = ws.addMessage({ channel: channelId, user: t.people.admin, text: 'What do we know?' });
      const reply = ws.addMessage({ channel: channelId, user: t.people.member, text: 'Error rate is back to normal', thread_ts: parent.ts });
      await t.slackRequest(eventBody('Ev0020', reaction(t.people.admin, channelId, reply.ts)), JSON_TYPE);
      await t.runJobs();
      expect((await captured(incident.id))[0]!.payload).toMatchObject({
        body: 'Error rate is back to normal',
        ts: reply.ts,
        permalink: expect.stringContaining(`thread_ts=${parent.ts}`),
      });
    });

    it('processes a retried event (same event_id, X-Slack-Retry-Num: 1) once', async () => {
      const { incident, channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
      const message = t.emulator.workspace.addMessage({ channel: channelId, user: t.people.member, text: 'Paging payments team' });
      const body = eventBody('Ev0030', reaction(t.people.admin, channelId, message.ts));

      expect((await t.slackRequest(body, JSON_TYPE)).statusCode).toBe(200);
      const retry = await t.slackRequest(body, JSON_TYPE, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
      expect(retry.statusCode).toBe(200);

      expect(await captureJobs()).toHaveLength(1);
      const deliveries = await t.deps.db.selectFrom('slack_deliveries').selectAll().where('event_id', '=', 'Ev0030').execute();
      expect(deliveries).toHaveLength(1);
      await t.runJobs();
      expect(await captured(incident.id)).toHaveLength(1);
    });

    it("forgets delivery ids after a day, in the daily housekeeping", async () => {
      await t.slackRequest(eventBody('Ev0035', { type: 'reaction_added', user: t.people.admin, reaction: 'eyes', item: { type: 'message', channel: t.people.broadcast, ts: '1.000001' }, event_ts: '1.000002' }), JSON_TYPE);
      const deliveries = () => t.deps.db.selectFrom('slack_deliveries').select('event_id').execute();
      expect(await deliveries()).toEqual([{ event_id: 'Ev0035' }]);
      t.clock.advance(2 * 24 * 60 * 60_000);
      await scheduleHousekeeping(t.deps.db, t.clock.now());
      await t.runJobs();
      expect(await deliveries()).toEqual([]);
    });

    it('drops a repeated delivery by its event_id, before any listener runs', async () => {
      const { channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
      const ws = t.emulator.workspace;
      const first = ws.addMessage({ channel: channelId, user: t.people.member, text: 'one' });
      const second = ws.addMessage({ channel: channelId, user: t.people.member, text: 'two' });
      await t.slackRequest(eventBody('Ev0040', reaction(t.people.admin, channelId, first.ts)), JSON_TYPE);
      // Not something Slack sends: it shows the event_id alone decides.
      await t.slackRequest(eventBody('Ev0040', reaction(t.people.admin, channelId, second.ts)), JSON_TYPE, { 'x-slack-retry-num': '2' });
      expect((await captureJobs()).map((j) => decodeJson<{ ts: string }>(j.payload).ts)).toEqual([first.ts]);
    });

    it('ignores other reactions, and marks outside incident channels', async () => {
      const { incident, channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
      const ws = t.emulator.workspace;
      const message = ws.addMessage({ channel: channelId, user: t.people.member, text: 'lunch?' });
      const elsewhere = ws.addMessage({ channel: t.people.broadcast, user: t.people.member, text: 'not an incident channel' });
      for (const [id, event] of [
        ['Ev0050', reaction(t.people.admin, channelId, message.ts, 'eyes')],
        ['Ev0051', reaction(t.people.admin, t.people.broadcast, elsewhere.ts)],
        ['Ev0052', pin(t.people.admin, t.people.broadcast, elsewhere.ts)],
      ] as const) {
        expect((await t.slackRequest(eventBody(id, event), JSON_TYPE)).statusCode).toBe(200);
      }
      expect(await captureJobs()).toEqual([]);
      await t.runJobs();
      expect(await captured(incident.id)).toEqual([]);
    });

    it('counts a skin-toned timeline reaction as the reaction', async () => {
      const { channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
      const message = t.emulator.workspace.addMessage({ channel: channelId, user: t.people.member, text: 'x' });
      await t.slackRequest(eventBody('Ev0060', reaction(t.people.admin, channelId, message.ts, 'pushpin::skin-tone-3')), JSON_TYPE);
      expect(await captureJobs()).toHaveLength(1);
    });
  });
});

describe.each(engines)('timeline capture with another reaction configured on %s', (engine) => {
  let t: SlackTestApp;
  beforeEach(async () => {
    t = await startSlackTestApp(engine, { slackSettings: { timelineReaction: 'memo' } });
  });
  afterEach(async () => t.close());

  it('captures :memo: and not :pushpin:', async () => {
    const { incident, channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
    const ws = t.emulator.workspace;
    const a = ws.addMessage({ channel: channelId, user: t.people.member, text: 'memo me' });
    const b = ws.addMessage({ channel: channelId, user: t.people.member, text: 'pin-reaction me' });
    const react = (id: string, ts: string, name: string) =>
      t.slackRequest(
        eventBody(id, { type: 'reaction_added', user: t.people.admin, reaction: name, item: { type: 'message', channel: channelId, ts }, event_ts: ts }),
        JSON_TYPE,
      );
    await react('Ev1001', a.ts, 'memo');
    await react('Ev1002', b.ts, 'pushpin');
    await t.runJobs();
    const bodies = (await listEvents(t.deps.db, incident.id)).filter((e) => e.kind === 'slack.message_captured').map((e) => e.payload.body);
    expect(bodies).toEqual(['memo me']);
  });
});

describe.each(engines)('Socket Mode (SLACK_APP_TOKEN set) on %s', (engine) => {
  let t: SlackTestApp;
  let peer: SocketModePeer;
  let server: FastifyInstance;
  beforeEach(async () => {
    t = await startSlackTestApp(engine);
    peer = await startSocketModePeer(t.emulator.url);
    const env = { ...t.runtime.env, appToken: 'xapp-1-A0EMULATOR-1-test', apiUrl: peer.apiUrl };
    const runtime = new SlackRuntime(t.deps.db, env, t.runtime.box);
    server = await buildServer(t.deps, { adminToken: undefined, secureCookies: false, logger: false, slack: runtime, mounts: [slackRoutes(t.deps, runtime)] });
    await server.ready();
    await peer.connected;
  });
  afterEach(async () => {
    await server.close();
    await peer.close();
    await t.close();
  });

  it('runs the same listeners: a command is answered in its acknowledgement, a retried event is processed once', async () => {
    const { incident, channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
    const command = Object.fromEntries(new URLSearchParams(commandBody({ text: 'status investigating', channel: channelId, user: t.people.member })));
    const ack = await peer.send({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload: command });
    expect(ack).toEqual({ envelope_id: 'env-1', payload: { response_type: 'ephemeral', text: 'INC-1 is now *investigating*.' } });
    expect((await t.api('GET', `/api/v1/incidents/${incident.id}`)).json().status).toBe('investigating');

    const message = t.emulator.workspace.addMessage({ channel: channelId, user: t.people.member, text: 'captured over a socket' });
    const event = JSON.parse(
      eventBody('Ev9001', { type: 'reaction_added', user: t.people.admin, reaction: 'pushpin', item: { type: 'message', channel: channelId, ts: message.ts }, event_ts: message.ts }),
    );
    for (const [id, attempt] of [['env-2', 0], ['env-3', 1]] as const) {
      await peer.send({ envelope_id: id, type: 'events_api', accepts_response_payload: false, retry_attempt: attempt, retry_reason: attempt ? 'timeout' : '', payload: event });
    }
    // Socket Mode acknowledges events before the listeners run (Bolt's way), so wait for them.
    await vi.waitFor(async () => {
      const deliveries = await t.deps.db.selectFrom('slack_deliveries').selectAll().where('event_id', '=', 'Ev9001').execute();
      expect(deliveries).toHaveLength(1);
      expect(await t.deps.db.selectFrom('jobs').selectAll().where('kind', '=', 'slack.captureMessage').execute()).toHaveLength(1);
    });
    await t.runJobs();
    const bodies = (await listEvents(t.deps.db, incident.id)).filter((e) => e.kind === 'slack.message_captured').map((e) => e.payload.body);
    expect(bodies).toEqual(['captured over a socket']);
  });
});
