import { afterEach, describe, expect, it, vi } from 'vitest';
import { listJobs } from '../../src/store/repositories/jobs.js';
import { findIncidentChannel } from '../../src/store/repositories/slack.js';
import { loadRunbookFolder } from '../../src/usecases/runbooks/load-runbook-folder.js';
import { engines } from '../helpers/databases.js';
import { FORM } from '../helpers/slack-payloads.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';

type Block = { type: string; block_id?: string; elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }>; text?: { text: string } };
type Element =
  | { type: 'button'; value: string }
  | { type: 'static_select'; value: string }
  | { type: 'users_select'; user: string };

let clicks = 0;

/** A click in a run's message, shaped like Slack's block_actions, with the message's input state. */
function runbookClick(options: {
  user: string;
  channel: string;
  messageTs: string;
  action: { action_id: string; block_id: string; element: Element };
  state?: Record<string, Record<string, unknown>>;
}): string {
  const { element } = options.action;
  const shaped =
    element.type === 'button'
      ? { type: 'button', value: element.value, text: { type: 'plain_text', text: 'Button' } }
      : element.type === 'static_select'
        ? { type: 'static_select', selected_option: { text: { type: 'plain_text', text: element.value }, value: element.value } }
        : { type: 'users_select', selected_user: element.user };
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'emulated' },
    user: { id: options.user, username: 'someone', name: 'someone', team_id: 'T0001' },
    api_app_id: 'A0EMULATOR',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: false },
    trigger_id: 'trigger-unused',
    channel: { id: options.channel, name: 'incident' },
    message: { ts: options.messageTs, type: 'message' },
    state: { values: options.state ?? {} },
    response_url: 'https://hooks.slack.com/actions/T0001/1/unused',
    actions: [{ action_id: options.action.action_id, block_id: options.action.block_id, action_ts: `1700000001.${String(++clicks).padStart(6, '0')}`, ...shaped }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

describe.each(engines)('runbooks in Slack on %s', (engine) => {
  let app: SlackTestApp;
  afterEach(async () => {
    await app?.close();
  });

  const pendingJobs = async () => (await listJobs(app.deps.db, { status: 'pending' })).length;
  /** Runs what is due, moving the clock a few seconds at a time, until no job is left. */
  const settle = async () => {
    await app.runJobs();
    for (let i = 0; i < 40 && (await pendingJobs()) > 0; i++) {
      app.clock.advance(5_000);
      await app.runJobs();
    }
    expect(await pendingJobs()).toBe(0);
  };
  const api = async (method: string, url: string, body?: unknown, status = 200) => {
    const response = await app.api(method, url, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };

  it('declaring a SEV2 incident starts the triggered runbooks in the channel; answering in Slack one step at a time fills the incident and its timeline, the branch takes the right path, the message is replaced each time', async () => {
    app = await startSlackTestApp(engine);
    const { member, admin } = app.people;
    app.deps.settings.slack.defaultResponders = [member, admin];
    await loadRunbookFolder(app.deps, 'runbooks');

    const sev2 = app.deps.settings.severities[1]!;
    expect(sev2).toBe('SEV2');
    const incident = await api('POST', '/api/v1/incidents', { title: 'Bookings failing', severity: sev2 }, 201);
    await settle();

    const channelId = (await findIncidentChannel(app.deps.db, incident.id))!.channelId;
    const runs = (await api('GET', `/api/v1/incidents/${incident.id}/runbook-runs`)).items as Array<{ id: string; runbook: { id: string }; slack: { ts: string } | null }>;
    expect(runs.map((r) => r.runbook.id).sort()).toEqual(['customer-facing-outage', 'first-response']);
    const outage = runs.find((r) => r.runbook.id === 'customer-facing-outage')!;
    const first = runs.find((r) => r.runbook.id === 'first-response')!;
    expect(outage.slack?.ts).toBeTruthy();

    const message = (run: { slack: { ts: string } | null }) => app.emulator.workspace.messages.find((m) => m.channel === channelId && m.ts === run.slack!.ts)!;
    const blocksOf = (run: { slack: { ts: string } | null }) => message(run).blocks as Block[];
    const shown = (run: { slack: { ts: string } | null }) => JSON.stringify(blocksOf(run));
    expect(shown(outage)).toContain('How many customer-support inquiries about this have come in so far?');
    expect(shown(outage)).toContain('これまでにカスタマーサポートへの問い合わせは何件ありましたか？');

    const click = async (run: { slack: { ts: string } | null }, user: string, actionId: string, element?: Element, state?: Record<string, Record<string, unknown>>) => {
      const block = blocksOf(run).find((b) => b.elements?.some((e) => e.action_id === actionId))!;
      expect(block, `a ${actionId} control in the message`).toBeDefined();
      const button = block.elements!.find((e) => e.action_id === actionId)!;
      const body = runbookClick({
        user,
        channel: channelId,
        messageTs: run.slack!.ts,
        action: { action_id: actionId, block_id: block.block_id!, element: element ?? { type: 'button', value: button.value! } },
        ...(state ? { state } : {}),
      });
      const response = await app.slackRequest(body, FORM);
      expect(response.statusCode).toBe(200);
      await settle();
    };
    /** Types into the question's input and presses "Answer". */
    const type = async (run: { slack: { ts: string } | null }, user: string, input: Record<string, unknown>) => {
      const inputBlock = blocksOf(run).find((b) => b.type === 'input')!;
      await click(run, user, 'runbook_answer_input', undefined, { [inputBlock.block_id!]: { runbook_input: input } });
    };
    const updatesBefore = app.emulator.callsTo('chat.update').length;

    // Anyone in the channel answers, one question at a time.
    await type(outage, member, { type: 'plain_text_input', value: '1,234' });
    expect(shown(outage)).toContain('How many users are affected?');
    await type(outage, admin, { type: 'plain_text_input', value: '5000' });
    expect(shown(outage)).toContain('Which features are customers unable to use?');
    await type(outage, member, { type: 'multi_static_select', selected_options: [{ value: 'booking' }, { value: 'payment' }] });

    // 1,234 inquiries (>= 50): the branch leads to the status page task, not the support macro.
    expect(shown(outage)).toContain('Publish a notice on the public status page');
    expect(shown(outage)).not.toContain('reply template');
    const outageMessages = app.emulator.workspace.messages.filter((m) => m.channel === channelId && JSON.stringify(m.blocks ?? []).includes('Runbook: Customer-facing outage'));
    expect(outageMessages, 'one message, replaced').toHaveLength(1);
    expect(app.emulator.callsTo('chat.update').length - updatesBefore).toBeGreaterThanOrEqual(3);

    // A click on a question already answered is told, privately, who answered it.
    const stale = runbookClick({
      user: admin,
      channel: channelId,
      messageTs: outage.slack!.ts,
      action: { action_id: 'runbook_answer_input', block_id: `runbook_controls|${outage.id}|cs-inquiries`, element: { type: 'button', value: `${outage.id}|cs-inquiries` } },
    });
    expect((await app.slackRequest(stale, FORM)).statusCode).toBe(200);
    // Told after the acknowledgement, as Slack shows no response body for a block action.
    await vi.waitFor(() => expect(app.emulator.workspace.ephemerals.filter((e) => e.user === admin).at(-1)?.text).toMatch(/already answered by Mia Member/));

    await click(outage, member, 'runbook_complete');
    expect(shown(outage)).toContain('reply template');
    await click(outage, member, 'runbook_complete');
    expect(shown(outage)).toContain('Runbook completed');
    expect(shown(outage)).toContain('1234');

    const view = await api('GET', `/api/v1/runbook-runs/${outage.id}`);
    expect(view).toMatchObject({ status: 'completed' });
    expect(view.answers.map((a: { stepId: string; display: string; by: { name: string } }) => [a.stepId, a.display, a.by.name])).toEqual([
      ['cs-inquiries', '1234', 'Mia Member'],
      ['affected-users', '5000', 'Adam Admin'],
      ['affected-features', 'Booking, Payment', 'Mia Member'],
    ]);
    const timeline = (await api('GET', `/api/v1/incidents/${incident.id}/timeline`)).items as Array<{ kind: string; payload: Record<string, unknown> }>;
    const recorded = timeline.filter((e) => e.kind === 'field.changed').map((e) => [e.payload.field, e.payload.to]);
    expect(recorded).toEqual([
      ['cs_inquiries', 1234],
      ['affected_users', 5000],
    ]);
    expect((await api('GET', `/api/v1/incidents/${incident.id}`)).fields).toEqual({ cs_inquiries: 1234, affected_users: 5000 });
    expect(timeline.find((e) => e.kind === 'status_update')?.payload.body).toContain('Customer impact: about 5000 users affected (Booking, Payment); 1234 support inquiries so far.');
    // No escalation policy "support-lead" exists here: the page is recorded as failed and the run went on.
    expect(timeline.find((e) => e.kind === 'runbook.action_failed')?.payload).toMatchObject({ stepId: 'page-support-lead', action: 'page' });
    expect(timeline.find((e) => e.kind === 'runbook.follow_up')?.payload.title).toEqual({
      en: 'Review customer communication for 5000 affected users',
      ja: '影響ユーザー5000人へのお客様対応を振り返る',
    });

    // The first-response runbook in the same channel: a person picked, a time, a choice, yes.
    await click(first, member, 'runbook_answer_user', { type: 'users_select', user: admin });
    await type(first, member, { type: 'datetimepicker', selected_date_time: Date.parse('2026-12-01T01:05:00Z') / 1000 });
    await click(first, member, 'runbook_answer_select', { type: 'static_select', value: 'customer' });
    await click(first, member, 'runbook_answer_yes');
    expect(shown(first)).toContain('Roughly how many users are affected?');
    // Back shows the previous question again, in the same message.
    await click(first, admin, 'runbook_back');
    expect(shown(first)).toContain('Can customers see the problem?');
    await click(first, admin, 'runbook_answer_yes');
    expect(shown(first)).toContain('Roughly how many users are affected?');
    const after = await api('GET', `/api/v1/incidents/${incident.id}`);
    expect(after.roles.commander.name).toBe('Adam Admin');
    expect(after.impactStartedAt).toBe('2026-12-01T01:05:00.000Z');
    const firstView = await api('GET', `/api/v1/runbook-runs/${first.id}`);
    expect(firstView.answers.map((a: { stepId: string; display: string }) => [a.stepId, a.display])).toEqual([
      ['commander', 'Adam Admin'],
      ['impact-started', '2026-12-01 01:05 UTC'],
      ['how-detected', 'Customer report'],
      ['customer-facing', 'yes'],
    ]);
  });
});
