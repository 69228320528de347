import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyOnce } from '../../src/slack/oncall/post-in-thread.js';
import { createService } from '../../src/usecases/catalog/services.js';
import { createTeam } from '../../src/usecases/catalog/teams.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import { createSchedule } from '../../src/usecases/oncall/manage-schedules.js';
import type { LayerInput } from '../../src/usecases/oncall/schedule-input.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { engines } from '../helpers/databases.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';
import { commandBody, eventBody, FORM, JSON_TYPE } from '../helpers/slack-payloads.js';

/** A Monday noon; every schedule below started long before. */
const NOW = '2026-11-30T12:00:00.000Z';

const always = (participant: string): LayerInput => ({
  name: 'Weekly',
  participants: [participant],
  rotation: { unit: 'weeks', length: 1 },
  handoffTime: '09:00',
  startDate: '2026-01-05',
});

/** Every `<@U…>` in a message, in order. */
const mentions = (text: string) => [...text.matchAll(/<@([A-Z0-9]+)>/g)].map((m) => m[1]);

describe.each(engines)('reaching the on-call from Slack on %s', (engine) => {
  let t: SlackTestApp;
  let channel: string;
  let events = 0;

  async function start(options: Parameters<typeof startSlackTestApp>[1] = {}) {
    t = await startSlackTestApp(engine, options);
    t.clock.set(NOW);
    const ws = t.emulator.workspace;
    // A public channel where support asks; the guest is in it as a multi-channel guest.
    channel = ws.addChannel({ name: 'customer-support', members: [t.people.owner, t.people.member, t.people.multiGuest, ws.botUser.id] }).id;
    for (const [name, email, slackUserId] of [
      ['Mia Member', 'mia@example.com', t.people.member],
      ['Gus Guest', 'gus@example.com', t.people.multiGuest],
    ] as const) {
      await createUser(t.deps, { name, email, slackUserId }, SYSTEM_PRINCIPAL);
    }
  }

  beforeEach(async () => start());
  afterEach(async () => t.close());

  const schedule = (name: string, layers: LayerInput[], teamId?: string) =>
    createSchedule(t.deps, { name, timeZone: 'UTC', layers, ...(teamId ? { teamId } : {}) }, SYSTEM_PRINCIPAL);

  /** Someone posts `text` in the channel (Slack records it) and Slack delivers the app_mention event. */
  async function mention(text: string, asker = t.people.owner, options: { eventId?: string; threadTs?: string; headers?: Record<string, string> } = {}) {
    const message = t.emulator.workspace.addMessage({ channel, user: asker, text, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) });
    const event = {
      type: 'app_mention',
      user: asker,
      text,
      ts: message.ts,
      channel,
      event_ts: message.ts,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    };
    const body = eventBody(options.eventId ?? `Ev${String(++events).padStart(4, '0')}`, event);
    const response = await t.slackRequest(body, JSON_TYPE, options.headers);
    expect(response.statusCode).toBe(200);
    return { message, body };
  }

  /** Hikeshi's replies in a thread. */
  const answers = (threadTs: string) =>
    t.emulator.workspace.messagesIn(channel).filter((m) => m.user === t.emulator.workspace.botUser.id && m.thread_ts === threadTs);
  const bot = () => `<@${t.emulator.workspace.botUser.id}>`;

  it('answers in the thread with a mention of the guest on call, quoting who asked and what, once', async () => {
    await schedule('Payments', [always(t.people.multiGuest)]);
    const { message, body } = await mention(`${bot()} oncall can someone look at refunds?`);
    expect(await t.runJobs()).toBe(1);

    const replies = answers(message.ts);
    expect(replies).toHaveLength(1);
    const text = replies[0]!.text;
    expect(mentions(text)).toEqual([t.people.owner, t.people.multiGuest]);
    expect(text).toMatch(new RegExp(`^:pager: <@${t.people.owner}> asked for the on-call:\n> can someone look at refunds\\?\n\\*Payments\\*: <@${t.people.multiGuest}>$`));

    // Slack retries the delivery (same event_id): nothing more is queued or posted.
    const retry = await t.slackRequest(body, JSON_TYPE, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.statusCode).toBe(200);
    expect(await t.runJobs()).toBe(0);
    // The same message under another event id (as after a lost claim): the job key holds.
    await t.slackRequest(body.replace(/"event_id":"[^"]+"/, '"event_id":"Ev9999"'), JSON_TYPE);
    expect(await t.runJobs()).toBe(0);
    expect(answers(message.ts)).toHaveLength(1);
    expect(t.emulator.callsTo('chat.postMessage')).toHaveLength(1);
    const jobs = await t.deps.db.selectFrom('jobs').select(['kind', 'status']).where('kind', '=', 'slack.answerOncall').execute();
    expect(jobs).toEqual([{ kind: 'slack.answerOncall', status: 'succeeded' }]);
  });

  it('mentions the guest once the rota hands over to them', async () => {
    await schedule('Payments', [{ ...always(t.people.member), participants: [t.people.member, t.people.multiGuest], rotation: { unit: 'days', length: 1 }, startDate: '2026-11-30' }]);
    const before = (await mention(`${bot()} oncall`)).message;
    await t.runJobs();
    const handoff = '2026-12-01T09:00:00.000Z';
    expect(answers(before.ts)[0]!.text).toBe(
      `:pager: <@${t.people.owner}> asked for the on-call:\n*Payments*: <@${t.people.member}> until <!date^${Date.parse(handoff) / 1000}^{date_short_pretty} {time}|${handoff}>`,
    );

    t.clock.set(handoff);
    const after = (await mention(`${bot()} oncall refunds are failing`)).message;
    await t.runJobs();
    expect(mentions(answers(after.ts)[0]!.text)).toEqual([t.people.owner, t.people.multiGuest]);
  });

  it('keeps the answer it already posted when the job runs again after losing Slack\'s reply', async () => {
    await schedule('Payments', [always(t.people.multiGuest)]);
    const { message } = await mention(`${bot()} oncall`);
    await t.runJobs();
    const [first] = answers(message.ts);
    const client = t.runtime.client((await t.runtime.credentials.botToken())!);
    const again = await replyOnce(client, { channel, threadTs: message.ts, text: 'again', key: `oncall:${message.ts}` }, true);
    expect(again).toBe(first!.ts);
    expect(answers(message.ts)).toHaveLength(1);
  });

  it('answers a guest who asks, and in the thread the mention was made in', async () => {
    await schedule('Payments', [always(t.people.member)]);
    const parent = t.emulator.workspace.addMessage({ channel, user: t.people.owner, text: 'refunds are failing' });
    const { message } = await mention(`${bot()} oncall`, t.people.multiGuest, { threadTs: parent.ts });
    await t.runJobs();
    expect(answers(message.ts)).toHaveLength(0);
    const replies = answers(parent.ts);
    expect(replies).toHaveLength(1);
    expect(mentions(replies[0]!.text)).toEqual([t.people.multiGuest, t.people.member]);
  });

  it('narrows to the schedule, team or service named first; without a name mentions every schedule\'s on-call', async () => {
    const team = await createTeam(t.deps, { name: 'Checkout' }, SYSTEM_PRINCIPAL);
    await createService(t.deps, { name: 'refund-api', teamId: team.id }, SYSTEM_PRINCIPAL);
    await schedule('Payments', [always(t.people.multiGuest)], team.id);
    await schedule('Platform', [always(t.people.member)]);

    const named = (await mention(`${bot()} oncall payments refunds are failing`)).message;
    const team_ = (await mention(`${bot()} oncall Checkout`)).message;
    const service = (await mention(`${bot()} oncall refund-api: 500s`)).message;
    const everyone = (await mention(`${bot()} oncall is the deploy stuck?`)).message;
    const question = (await mention(`${bot()} who is oncall for <#C0FAKE|deploys> <!here>?`, t.people.member)).message;
    await t.runJobs();

    const only = (ts: string) => {
      const replies = answers(ts);
      expect(replies).toHaveLength(1);
      return replies[0]!.text;
    };
    expect(only(named.ts)).toMatch(new RegExp(`^:pager: <@${t.people.owner}> asked for the on-call \\(\\*Payments\\*\\):\n> refunds are failing\n\\*Payments\\*: <@${t.people.multiGuest}>$`));
    expect(mentions(only(named.ts))).toEqual([t.people.owner, t.people.multiGuest]);
    expect(only(team_.ts)).toContain('(team *Checkout*)');
    expect(mentions(only(team_.ts))).toEqual([t.people.owner, t.people.multiGuest]);
    expect(only(service.ts)).toContain('(service *refund-api*):\n> 500s\n');
    expect(mentions(only(service.ts))).toEqual([t.people.owner, t.people.multiGuest]);

    const all = only(everyone.ts);
    expect(all).toContain('> is the deploy stuck?\n');
    expect(all).toContain(`• *Payments*: <@${t.people.multiGuest}>`);
    expect(all).toContain(`• *Platform*: <@${t.people.member}>`);
    expect(mentions(all)).toEqual([t.people.owner, t.people.multiGuest, t.people.member]);
    // Quoted back as words: @here notifies no one a second time.
    expect(only(question.ts)).toContain('> who is oncall for #deploys @here?\n');
    expect(only(question.ts)).not.toContain('<!here>');
  });

  it('answers a name that is no schedule, team or service with the schedules there are, mentioning no one', async () => {
    await schedule('Payments', [always(t.people.multiGuest)]);
    await schedule('Platform', [always(t.people.member)]);
    const { message } = await mention(`${bot()} oncall paymnts`);
    await t.runJobs();
    const [reply] = answers(message.ts);
    expect(reply!.text).toContain('`paymnts` is not an on-call schedule, team or service in Hikeshi. Schedules: *Payments*, *Platform*.');
    expect(reply!.text).toContain('`@hikeshi oncall <schedule, team or service> [question]`');
    expect(mentions(reply!.text)).toEqual([]);
  });

  it('says nobody is on call in a gap, naming who takes over without mentioning them', async () => {
    const start = '2026-12-01T09:00:00.000Z';
    await schedule('Payments', [{ kind: 'explicit', name: 'Rota', shifts: [{ userId: t.people.multiGuest, start, end: '2026-12-02T09:00:00.000Z' }] }]);
    const { message } = await mention(`${bot()} oncall`);
    await t.runJobs();
    const [reply] = answers(message.ts);
    expect(reply!.text).toBe(
      `:pager: <@${t.people.owner}> asked for the on-call:\n*Payments*: nobody is on call right now; Gus Guest takes over <!date^${Date.parse(start) / 1000}^{date_short_pretty} {time}|${start}>.`,
    );
  });

  it('leaves mentions that do not ask for the on-call, and bots, unanswered', async () => {
    await schedule('Payments', [always(t.people.multiGuest)]);
    const { message } = await mention(`${bot()} hello there`);
    const fromBot = eventBody('Ev0500', { type: 'app_mention', bot_id: 'B0OTHER', text: `${bot()} oncall`, ts: '1.000001', channel, event_ts: '1.000001' });
    expect((await t.slackRequest(fromBot, JSON_TYPE)).statusCode).toBe(200);
    expect(await t.runJobs()).toBe(1);
    expect(answers(message.ts)).toEqual([]);
    expect(t.emulator.callsTo('chat.postMessage')).toEqual([]);
  });

  it('answers any mention when the app\'s own handle is @oncall', async () => {
    await t.close();
    await start({ emulator: { botName: 'oncall' } });
    await schedule('Payments', [always(t.people.multiGuest)]);
    const { message } = await mention(`${bot()} payments can someone look at refunds?`);
    await t.runJobs();
    const [reply] = answers(message.ts);
    expect(reply!.text).toContain('(*Payments*):\n> can someone look at refunds?\n');
    expect(mentions(reply!.text)).toEqual([t.people.owner, t.people.multiGuest]);
  });

  describe('/oncall', () => {
    async function run(text: string, inChannel: string, asker = t.people.owner) {
      const response = await t.slackRequest(commandBody({ command: '/oncall', text, channel: inChannel, user: asker }), FORM);
      expect(response.statusCode).toBe(200);
      return response.json() as { response_type: string; text: string };
    }

    it('answers in the channel it was run in, even one the app is not in, mentioning the guest on call', async () => {
      await schedule('Payments', [always(t.people.multiGuest)]);
      await schedule('Platform', [always(t.people.member)]);
      const elsewhere = t.emulator.workspace.addChannel({ name: 'sales', members: [t.people.owner] }).id;
      const answer = await run('payments refunds are failing', elsewhere);
      expect(answer.response_type).toBe('in_channel');
      expect(answer.text).toMatch(new RegExp(`^:pager: <@${t.people.owner}> asked for the on-call \\(\\*Payments\\*\\):\n> refunds are failing\n\\*Payments\\*: <@${t.people.multiGuest}>$`));
      expect(mentions(answer.text)).toEqual([t.people.owner, t.people.multiGuest]);
      expect(t.emulator.callsTo('chat.postMessage')).toEqual([]);

      const everyone = await run('', elsewhere);
      expect(mentions(everyone.text)).toEqual([t.people.owner, t.people.multiGuest, t.people.member]);
    });

    it('answers an unknown name to the asker alone, with the schedules there are', async () => {
      await schedule('Payments', [always(t.people.multiGuest)]);
      const answer = await run('help', channel);
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text).toContain('`help` is not an on-call schedule, team or service in Hikeshi. Schedules: *Payments*.');
      expect(answer.text).toContain('`/oncall <schedule, team or service> [question]`');
    });

    it('says so when no schedule exists', async () => {
      const answer = await run('anyone around?', channel);
      expect(answer).toEqual({
        response_type: 'in_channel',
        text: `:pager: <@${t.people.owner}> asked for the on-call:\n> anyone around?\nHikeshi has no on-call schedules yet, so nobody was notified.`,
      });
    });
  });
});
