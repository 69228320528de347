import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/action-ids.js';
import { listJobs } from '../../src/store/repositories/jobs.js';
import { findIncidentChannel } from '../../src/store/repositories/slack.js';
import { engines } from '../helpers/databases.js';
import { blockActionBody, commandBody, FORM } from '../helpers/slack-payloads.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';

describe.each(engines)('incident facts in Slack on %s', (engine) => {
  let t: SlackTestApp;
  let incidentId: string;
  let channelId: string;
  beforeEach(async () => {
    t = await startSlackTestApp(engine);
    const created = await t.api('POST', '/api/v1/incidents', { title: 'Vehicles cannot be unlocked' });
    incidentId = created.json().id;
    await runUntilIdle();
    channelId = (await findIncidentChannel(t.deps.db, incidentId))!.channelId;
  });
  afterEach(async () => t.close());

  const messagesIn = (channel: string) => t.emulator.workspace.messages.filter((m) => m.channel === channel);
  const summary = () => messagesIn(channelId).find((m) => JSON.stringify(m.blocks ?? []).includes('"type":"actions"'))!;
  const announcement = () => messagesIn(t.people.broadcast)[0]!;
  const fields = async () => (await t.api('GET', `/api/v1/incidents/${incidentId}`)).json().fields;
  const pending = async () => (await listJobs(t.deps.db, { status: 'pending' })).length;
  async function runUntilIdle() {
    await t.runJobs();
    for (let i = 0; i < 20 && (await pending()) > 0; i++) {
      t.clock.advance(5_000);
      await t.runJobs();
    }
  }
  async function set(text: string, user = t.people.member): Promise<string> {
    const response = await t.slackRequest(commandBody({ text: `set ${text}`, channel: channelId, user }), FORM);
    expect(response.statusCode).toBe(200);
    return (response.json() as { text: string }).text;
  }

  it('shows every declared fact in the summary message, unknown ones as a dash', () => {
    const blocks = JSON.stringify(summary().blocks);
    expect(blocks).toContain('*Facts* · 事実');
    expect(blocks).toContain('*Affected users · 影響ユーザー数*\\n—');
    expect(blocks).toContain('*Road Traffic Act concern · 道路交通法への抵触*');
  });

  it('/incident set records a fact typed as people type it, and the summary and the channel follow', async () => {
    expect(await set('affected users 1,200')).toBe('INC-1: *Affected users* is now *1,200*.');
    expect(await set('個人情報の漏えい はい')).toBe('INC-1: *Personal data exposed* is now *Yes*.');
    expect(await set('affected_vehicles=３０台')).toBe('INC-1: *Affected vehicles* is now *30*.');
    expect(await fields()).toEqual({ affected_users: 1200, personal_data_exposed: true, affected_vehicles: 30 });

    await runUntilIdle();
    const blocks = JSON.stringify(summary().blocks);
    expect(blocks).toContain('*Affected users · 影響ユーザー数*\\n1,200');
    expect(blocks).toContain('*Personal data exposed · 個人情報の漏えい*\\nYes');
    const echoed = messagesIn(channelId).map((m) => m.text).join('\n');
    expect(echoed).toContain(':bar_chart: *Affected users*: — → 1,200');
    expect(echoed).toContain(':bar_chart: *Personal data exposed*: — → Yes');
  });

  it('refuses a bad value naming the field and what it takes, and an unknown field listing the fields', async () => {
    expect(await set('affected_users many')).toBe(':warning: *fields.affected_users*: must be a number such as 12 or 1,200 (got "many")');
    expect(await set('personal_data_exposed maybe')).toBe(':warning: *fields.personal_data_exposed*: must be yes or no (はい / いいえ) (got "maybe")');
    expect(await set('road_traffic_act')).toBe('Usage: `/incident set road_traffic_act <value>`: *Road Traffic Act concern* takes yes or no (はい / いいえ).');
    const unknown = await set('weather rainy');
    expect(unknown).toContain('No field named "weather"');
    expect(unknown).toContain('• `cs_inquiries` Customer-support inquiries / 問い合わせ件数: a whole number ≥ 0');
    expect(await fields()).toEqual({});
  });

  it('"Another customer reported this" under the announcement counts one inquiry per click and tells the clicker the count', async () => {
    const button = JSON.stringify(announcement().blocks);
    expect(button).toContain(ACTION.recordInquiry);
    expect(button).toContain('Another customer reported this / 別のお客様からも問い合わせ');

    const click = async (user: string) => {
      const body = blockActionBody({ user, channel: t.people.broadcast, action: { action_id: ACTION.recordInquiry, value: incidentId } });
      expect((await t.slackRequest(body, FORM)).statusCode).toBe(200);
      await t.server.slackEvents!.settled();
    };
    await click(t.people.member);
    await click(t.people.admin);
    expect(await fields()).toEqual({ cs_inquiries: 2 });
    const answers = t.emulator.workspace.ephemerals.filter((e) => e.channel === t.people.broadcast);
    expect(answers.map((e) => [e.user, e.text.split('\n')[0]])).toEqual([
      [t.people.member, ':telephone_receiver: Thanks: the inquiry is counted. INC-1 has 1 customer inquiry now.'],
      [t.people.admin, ':telephone_receiver: Thanks: the inquiry is counted. INC-1 has 2 customer inquiries now.'],
    ]);
    expect(answers[1]!.text).toContain('問い合わせを記録しました。INC-1 の問い合わせは計 2 件です。');

    const timeline = (await t.api('GET', `/api/v1/incidents/${incidentId}/timeline`)).json().items.filter((e: { kind: string }) => e.kind === 'inquiry.recorded');
    expect(timeline.map((e: { payload: { source: string; ticketId: null; to: number } }) => [e.payload.source, e.payload.ticketId, e.payload.to])).toEqual([
      ['slack', null, 1],
      ['slack', null, 2],
    ]);

    await runUntilIdle();
    expect(JSON.stringify(announcement().blocks)).toContain('Inquiries: 2');
    expect(messagesIn(channelId).map((m) => m.text).join('\n')).toContain(':telephone_receiver: *Customer inquiry* via slack: 2 in total');
  });
});
