import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION } from '../../src/slack/action-ids.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import { createSchedule } from '../../src/usecases/oncall/manage-schedules.js';
import type { LayerInput } from '../../src/usecases/oncall/schedule-input.js';
import { createPolicy } from '../../src/usecases/paging/manage-policies.js';
import { getPage } from '../../src/usecases/paging/read-pages.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { pageOncall } from '../../src/usecases/slack-inbound/page-oncall.js';
import { engines } from '../helpers/databases.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';
import { blockActionBody, commandBody, eventBody, FORM, JSON_TYPE } from '../helpers/slack-payloads.js';

const NOW = '2026-12-01T14:00:00.000Z';

const always = (participant: string): LayerInput => ({
  name: 'Weekly',
  participants: [participant],
  rotation: { unit: 'weeks', length: 1 },
  handoffTime: '09:00',
  startDate: '2026-01-05',
});

interface Button {
  action_id: string;
  value: string;
  style?: string;
}

describe.each(engines)('paging from Slack on %s', (engine) => {
  let t: SlackTestApp;
  let channel: string;
  let mia: string;
  let adam: string;

  beforeEach(async () => {
    t = await startSlackTestApp(engine);
    t.clock.set(NOW);
    const ws = t.emulator.workspace;
    channel = ws.addChannel({ name: 'customer-support', members: [t.people.owner, t.people.member, ws.botUser.id] }).id;
    mia = (await createUser(t.deps, { name: 'Mia Member', email: 'mia@example.com', slackUserId: t.people.member }, SYSTEM_PRINCIPAL)).id;
    adam = (await createUser(t.deps, { name: 'Adam Admin', email: 'adam@example.com', slackUserId: t.people.admin }, SYSTEM_PRINCIPAL)).id;
    await createSchedule(t.deps, { name: 'Primary', timeZone: 'UTC', layers: [always(t.people.member)] }, SYSTEM_PRINCIPAL);
    await createPolicy(
      t.deps,
      {
        name: 'Payments',
        levels: [
          { delayMinutes: 5, targets: [{ type: 'schedule', id: 'Primary' }] },
          { delayMinutes: 5, targets: [{ type: 'user', id: adam }] },
        ],
      },
      SYSTEM_PRINCIPAL,
    );
    t.deps.settings = {
      ...t.deps.settings,
      publicUrl: 'https://hikeshi.example.com',
      paging: { ...t.deps.settings.paging, defaultEscalationPolicy: 'Payments' },
    };
  });
  afterEach(async () => t.close());

  async function oncall(text: string, user = t.people.owner): Promise<string> {
    const response = await t.slackRequest(commandBody({ text, channel, user, command: '/oncall' }), FORM);
    expect(response.statusCode).toBe(200);
    const answer = response.json() as { response_type: string; text: string };
    expect(answer.response_type).toBe('ephemeral');
    return answer.text;
  }

  /** The app's direct messages to a Slack user. */
  const dms = (slackUserId: string) => {
    const ws = t.emulator.workspace;
    const im = ws.findIm(ws.botUser.id, slackUserId);
    return im ? ws.messagesIn(im.id).filter((m) => m.user === ws.botUser.id) : [];
  };
  const buttons = (message: { blocks?: unknown[] }): Button[] =>
    (message.blocks ?? []).flatMap((b) => ((b as { type: string }).type === 'actions' ? (b as { elements: Button[] }).elements : []));

  /** Clicks a button of a direct message, as Slack sends it. */
  async function click(slackUserId: string, message: { channel: string; ts: string }, actionId: string, pageId: string) {
    const body = blockActionBody({ user: slackUserId, channel: message.channel, action: { action_id: actionId, value: pageId } });
    const payload = JSON.parse(new URLSearchParams(body).get('payload')!) as { container: { message_ts: string } };
    payload.container.message_ts = message.ts;
    const response = await t.slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
    expect(response.statusCode).toBe(200);
  }

  it('/oncall page pages the default policy: the on-call gets a DM with buttons, one click acknowledges it, a second changes nothing', async () => {
    const answer = await oncall('page db is down');
    const page = (await t.deps.db.selectFrom('pages').select(['id', 'number']).executeTakeFirstOrThrow()) as { id: string; number: number };
    expect(answer).toBe(
      `:pager: Paged: Mia Member, <https://hikeshi.example.com/pages/${page.id}|page #${page.number}> via escalation policy *Payments* (the default).\n> db is down`,
    );
    const triggered = await getPage(t.deps, SYSTEM_PRINCIPAL, page.id);
    expect(triggered).toMatchObject({ status: 'triggered', source: 'slack', level: 1, message: 'db is down', escalationPolicy: { name: 'Payments' } });
    expect(triggered.createdBy.name).toBe('Olivia Owner');

    await t.runJobs();
    const [dm] = dms(t.people.member);
    expect(dms(t.people.member)).toHaveLength(1);
    expect(dm!.text).toContain(`Page #${page.number}: db is down (level 1 of Payments, paged by Olivia Owner)`);
    expect(buttons(dm!)).toEqual([
      expect.objectContaining({ action_id: ACTION.acknowledgePage, value: page.id, style: 'primary' }),
      expect.objectContaining({ action_id: ACTION.resolvePage, value: page.id }),
    ]);
    expect(JSON.stringify(dm!.blocks)).toContain(`<https://hikeshi.example.com/pages/${page.id}|Open page #${page.number} in Hikeshi>`);
    expect((await getPage(t.deps, SYSTEM_PRINCIPAL, page.id)).notifications).toMatchObject([
      { level: 1, recipient: { type: 'user', id: mia, name: 'Mia Member' }, channel: 'slack', status: 'sent' },
    ]);

    t.clock.set('2026-12-01T14:02:00.000Z');
    await click(t.people.member, dm!, ACTION.acknowledgePage, page.id);
    const acknowledged = await getPage(t.deps, SYSTEM_PRINCIPAL, page.id);
    expect(acknowledged).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: { type: 'user', id: mia, name: 'Mia Member' },
      acknowledgedAt: '2026-12-01T14:02:00.000Z',
      nextEscalationAt: null,
    });
    expect(acknowledged.events!.filter((e) => e.kind === 'acknowledged')).toEqual([
      expect.objectContaining({ actor: { type: 'user', id: mia, name: 'Mia Member' }, text: 'Acknowledged by Mia Member (Slack).' }),
    ]);
    const seconds = Date.parse('2026-12-01T14:02:00.000Z') / 1000;
    const replaced = await vi.waitFor(() => {
      const [message] = dms(t.people.member);
      expect(message!.text).toContain(`Acknowledged by Mia Member at <!date^${seconds}^{time}|2026-12-01T14:02:00.000Z>`);
      return message!;
    });
    expect(replaced.ts).toBe(dm!.ts);
    expect(dms(t.people.member)).toHaveLength(1);
    expect(buttons(replaced).map((b) => b.action_id)).toEqual([ACTION.resolvePage]);

    // A second click on the old message (Slack may show it before the update lands).
    t.clock.set('2026-12-01T14:03:00.000Z');
    await click(t.people.member, dm!, ACTION.acknowledgePage, page.id);
    const again = await getPage(t.deps, SYSTEM_PRINCIPAL, page.id);
    expect(again.acknowledgedAt).toBe('2026-12-01T14:02:00.000Z');
    expect(again.events).toHaveLength(acknowledged.events!.length);
    const note = await vi.waitFor(() => {
      const [only] = t.emulator.workspace.ephemerals;
      expect(only).toMatchObject({ user: t.people.member, channel: dm!.channel });
      return only!;
    });
    expect(note.text).toContain(`Page #${page.number} was already handled: Acknowledged by Mia Member at`);

    // Nobody is paged at level 2 once acknowledged, whatever the clock says.
    t.clock.set('2026-12-01T15:00:00.000Z');
    await t.runJobs();
    expect(dms(t.people.admin)).toHaveLength(0);
    expect((await getPage(t.deps, SYSTEM_PRINCIPAL, page.id)).level).toBe(1);
  });

  it('escalates to level 2 when nobody clicks; a click on the stale level-1 message after level 2 resolved it says who did', async () => {
    await oncall('page Payments checkout returns 502');
    const page = await t.deps.db.selectFrom('pages').select(['id', 'number', 'message']).executeTakeFirstOrThrow();
    expect(page.message).toBe('checkout returns 502');
    await t.runJobs();
    expect(dms(t.people.member)).toHaveLength(1);
    expect(dms(t.people.admin)).toHaveLength(0);

    t.clock.set('2026-12-01T14:04:59.000Z');
    await t.runJobs();
    expect((await getPage(t.deps, SYSTEM_PRINCIPAL, page.id)).level).toBe(1);
    t.clock.set('2026-12-01T14:05:00.000Z');
    await t.runJobs();
    const escalated = await getPage(t.deps, SYSTEM_PRINCIPAL, page.id);
    expect(escalated).toMatchObject({ status: 'triggered', level: 2 });
    const [adamDm] = dms(t.people.admin);
    expect(dms(t.people.admin)).toHaveLength(1);
    expect(adamDm!.text).toContain('level 2 of Payments');
    expect(dms(t.people.member)).toHaveLength(1);

    t.clock.set('2026-12-01T14:06:00.000Z');
    await click(t.people.admin, adamDm!, ACTION.resolvePage, page.id);
    expect(await getPage(t.deps, SYSTEM_PRINCIPAL, page.id)).toMatchObject({ status: 'resolved', resolvedBy: { id: adam } });
    await vi.waitFor(() => expect(buttons(dms(t.people.admin)[0]!)).toEqual([]));
    // Mia's level-1 message is brought up to date too: no buttons for a page someone resolved.
    await t.runJobs();
    expect(dms(t.people.member)[0]!.text).toContain('Resolved by Adam Admin');
    expect(buttons(dms(t.people.member)[0]!)).toEqual([]);

    const stale = dms(t.people.member)[0]!;
    await click(t.people.member, stale, ACTION.acknowledgePage, page.id);
    const after = await getPage(t.deps, SYSTEM_PRINCIPAL, page.id);
    expect(after).toMatchObject({ status: 'resolved', acknowledgedBy: null, resolvedBy: { id: adam } });
    await vi.waitFor(() => {
      expect(t.emulator.workspace.ephemerals.map((e) => e.text)).toEqual([expect.stringContaining('was already handled: Resolved by Adam Admin')]);
      expect(dms(t.people.member)[0]!.text).toContain('Resolved by Adam Admin');
    });
  });

  it('names the schedule to page; errors name what is wrong and page nobody', async () => {
    expect(await oncall('page Primary: disk full on db-3')).toMatch(/^:pager: Paged: Mia Member, <[^|]+\|page #\d+> via schedule \*Primary\*\.\n> disk full on db-3$/);
    expect(await oncall('page')).toBe(':warning: *message*: say what is wrong: `/oncall page [policy or schedule] <message>`');
    t.deps.settings = { ...t.deps.settings, paging: { ...t.deps.settings.paging, defaultEscalationPolicy: 'Nope' } };
    expect(await oncall('page db is down')).toMatch(/^:warning: \*paging\.defaultEscalationPolicy\*: names no escalation policy \("Nope"\)/);
    const pages = await t.deps.db.selectFrom('pages').select('message').execute();
    expect(pages.map((p) => p.message)).toEqual(['disk full on db-3']);
  });

  it('without a default policy and with two schedules, asks which one', async () => {
    const { defaultEscalationPolicy: _, ...paging } = t.deps.settings.paging;
    t.deps.settings = { ...t.deps.settings, paging };
    await createSchedule(t.deps, { name: 'Secondary', timeZone: 'UTC', layers: [always(t.people.admin)] }, SYSTEM_PRINCIPAL);
    expect(await oncall('page db is down')).toBe(
      ':warning: *target*: there are 2 schedules (Primary, Secondary) and no default escalation policy: start the message with an escalation policy (Payments) or a schedule',
    );
  });

  it('@Hikeshi oncall page … pages and answers in the thread, once', async () => {
    const ws = t.emulator.workspace;
    const text = `<@${ws.botUser.id}> oncall page Payments refunds fail`;
    const message = ws.addMessage({ channel, user: t.people.owner, text });
    const body = eventBody('Ev0001', { type: 'app_mention', user: t.people.owner, text, ts: message.ts, channel, event_ts: message.ts });
    expect((await t.slackRequest(body, JSON_TYPE)).statusCode).toBe(200);
    await t.runJobs();
    const replies = ws.messagesIn(channel).filter((m) => m.thread_ts === message.ts && m.user === ws.botUser.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/^:pager: Paged: Mia Member, <[^|]+\|page #\d+> via escalation policy \*Payments\*\.\n> refunds fail$/);
    expect(dms(t.people.member)).toHaveLength(1);
    // The same message delivered again under another event id: no second page.
    expect((await t.slackRequest(body.replace('"event_id":"Ev0001"', '"event_id":"Ev0002"'), JSON_TYPE)).statusCode).toBe(200);
    expect(await t.runJobs()).toBe(0);
    expect(await t.deps.db.selectFrom('pages').select('message').execute()).toEqual([{ message: 'refunds fail' }]);
  });

  it('a mention job that crashed after paging, before answering, answers the page it made on its retry', async () => {
    const ws = t.emulator.workspace;
    const text = `<@${ws.botUser.id}> oncall page Payments refunds fail`;
    const message = ws.addMessage({ channel, user: t.people.owner, text });
    // The crashed attempt got as far as the page (its request key is the Slack message).
    const principal = { ...SYSTEM_PRINCIPAL, role: 'responder' as const };
    const made = await pageOncall(t.deps, 'Payments refunds fail', principal, { requestKey: `slack:${channel}:${message.ts}` });
    const body = eventBody('Ev0003', { type: 'app_mention', user: t.people.owner, text, ts: message.ts, channel, event_ts: message.ts });
    expect((await t.slackRequest(body, JSON_TYPE)).statusCode).toBe(200);
    await t.runJobs();
    const replies = ws.messagesIn(channel).filter((m) => m.thread_ts === message.ts && m.user === ws.botUser.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain(`page #${made.page.number}>`);
    expect(await t.deps.db.selectFrom('pages').select('id').execute()).toEqual([{ id: made.page.id }]);
    expect(dms(t.people.member)).toHaveLength(1);
  });
});
