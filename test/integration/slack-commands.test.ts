import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION, VIEW } from '../../src/slack/action-ids.js';
import { findIncidentById } from '../../src/store/repositories/incidents.js';
import { listEvents } from '../../src/store/repositories/timeline.js';
import { findUserBySlackUserId } from '../../src/store/repositories/users.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { engines } from '../helpers/databases.js';
import { blockActionBody, commandBody, FORM, incidentWithChannel, timed, viewSubmissionBody } from '../helpers/slack-payloads.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';

/** "Well inside Slack's 3 seconds": generous for a loaded CI machine, far below 3 s. */
const ACK_BUDGET_MS = 1000;

describe.each(engines)('/incident and the incident buttons on %s', (engine) => {
  let t: SlackTestApp;
  const ALLOWED = 'C0INCIDENTS';
  beforeEach(async () => {
    t = await startSlackTestApp(engine, { slackSettings: { commandChannels: [ALLOWED] } });
    t.emulator.workspace.addChannel({ id: ALLOWED, name: 'incident-commands', members: [t.people.member, t.people.admin, t.emulator.workspace.botUser.id] });
    t.emulator.workspace.settings.strictTriggerIds = true;
  });
  afterEach(async () => t.close());

  /** Runs `/incident <text>` and checks the acknowledgement's status and time. */
  async function run(text: string, channel: string, user = t.people.member, triggerId?: string) {
    const { response, ms } = await timed(t.slackRequest(commandBody({ text, channel, user, ...(triggerId ? { triggerId } : {}) }), FORM));
    expect(response.statusCode).toBe(200);
    expect(ms).toBeLessThan(ACK_BUDGET_MS);
    return response.body ? (response.json() as { response_type: string; text: string }) : undefined;
  }

  async function click(action: Parameters<typeof blockActionBody>[0]['action'], channel: string, user = t.people.member, triggerId?: string) {
    const { response, ms } = await timed(t.slackRequest(blockActionBody({ user, channel, action, ...(triggerId ? { triggerId } : {}) }), FORM));
    expect(response.statusCode).toBe(200);
    expect(ms).toBeLessThan(ACK_BUDGET_MS);
    await t.server.slackEvents!.settled(); // what is sent after the ack (an ephemeral refusal)
    return response;
  }

  const incident = async (id: string) => (await findIncidentById(t.deps.db, id))!;
  const timeline = (id: string) => listEvents(t.deps.db, id);
  const hikeshiUser = (slackUserId: string) => findUserBySlackUserId(t.deps.db, slackUserId);

  describe('where commands work', () => {
    it('answers a command from a channel where it is not allowed with the channels where it is', async () => {
      const answer = await run('status investigating', t.people.broadcast);
      expect(answer).toEqual({
        response_type: 'ephemeral',
        text: `:no_entry: \`/incident\` does not work in this channel. Use it in <#${ALLOWED}> or an incident's own channel.`,
      });
      expect(t.emulator.calls).toEqual([]);
    });

    it('works in a configured channel and in any incident channel, though neither is the other', async () => {
      expect((await run('help', ALLOWED))?.text).toContain('/incident declare [title]');
      const { incident: inc, channelId } = await incidentWithChannel(t, [t.people.member]);
      expect((await run('status investigating', channelId))?.text).toBe('INC-1 is now *investigating*.');
      expect((await incident(inc.id)).status).toBe('investigating');
    });

    it('works anywhere when no command channels are configured', async () => {
      await t.close();
      t = await startSlackTestApp(engine);
      expect((await run('help', t.people.broadcast))?.text).toContain('/incident status');
    });

    it('asks which incident when run outside an incident channel without one named, and accepts INC-<n>', async () => {
      const { incident: inc } = await incidentWithChannel(t, [t.people.member]);
      expect((await run('sev SEV2', ALLOWED))?.text).toBe("Run `/incident sev` in an incident's channel, or name the incident: `/incident sev INC-12 …`.");
      expect((await run('sev INC-1 sev2', ALLOWED))?.text).toBe('INC-1 is now *SEV2*.');
      expect((await incident(inc.id)).severity).toBe('SEV2');
    });

    it('explains the usage of a malformed command', async () => {
      const answer = await run('status done', ALLOWED);
      expect(answer?.text).toMatch(/^Usage: `status <triage\|investigating/);
      expect(answer?.text).toContain('/incident role <commander|comms|scribe> @person');
    });
  });

  describe('commands in an incident channel', () => {
    it('sets the status, severity and a role, posts an update and resolves, each on the timeline as the person who did it', async () => {
      const { incident: inc, channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
      expect(await run('status identified', channelId)).toEqual({ response_type: 'ephemeral', text: 'INC-1 is now *identified*.' });
      expect((await run('sev SEV1', channelId))?.text).toBe('INC-1 is now *SEV1*.');
      expect((await run(`role commander <@${t.people.admin}|adam>`, channelId))?.text).toBe(`<@${t.people.admin}> is now incident commander of INC-1.`);
      expect((await run('update Failover done;\nerror rate falling', channelId))?.text).toBe('Status update added to the timeline.');
      expect((await run('resolve', channelId))?.text).toBe('INC-1 is *resolved*.');

      const mia = (await hikeshiUser(t.people.member))!;
      const adam = (await hikeshiUser(t.people.admin))!;
      const row = await incident(inc.id);
      expect(row).toMatchObject({ status: 'resolved', severity: 'SEV1', roles: { commander: adam.id } });
      const entries = (await timeline(inc.id)).filter((e) => e.kind !== 'incident.declared');
      expect(entries.map((e) => [e.kind, e.actor.id, e.actor.name])).toEqual([
        ['status.changed', mia.id, 'Mia Member'],
        ['severity.changed', mia.id, 'Mia Member'],
        ['role.assigned', mia.id, 'Mia Member'],
        ['status_update', mia.id, 'Mia Member'],
        ['status.changed', mia.id, 'Mia Member'],
      ]);
      expect(entries[3]!.payload).toEqual({ body: 'Failover done;\nerror rate falling', status: 'identified' });
    });

    it('answers a refused change ephemerally with the reason, changing nothing', async () => {
      const { incident: inc, channelId } = await incidentWithChannel(t, [t.people.member]);
      await run('resolve', channelId);
      const answer = await run('status monitoring', channelId);
      expect(answer?.text).toBe(
        ':warning: An incident cannot move from resolved to monitoring. From resolved it can move to: investigating, closed.',
      );
      expect((await incident(inc.id)).status).toBe('resolved');
    });

    it("refuses a Hikeshi viewer, naming the role it takes", async () => {
      await createUser(t.deps, { name: 'Vera Viewer', email: 'vera@example.com', role: 'viewer', slackUserId: t.people.owner }, SYSTEM_PRINCIPAL);
      const { incident: inc, channelId } = await incidentWithChannel(t, [t.people.owner]);
      expect((await run('status investigating', channelId, t.people.owner))?.text).toBe(
        ':warning: The viewer role may not change incidents; this needs the responder role.',
      );
      expect((await incident(inc.id)).status).toBe('triage');
    });
  });

  describe('people', () => {
    it('makes a Slack user seen for the first time a Hikeshi responder from users.info, once', async () => {
      const { channelId } = await incidentWithChannel(t, [t.people.admin, t.people.multiGuest]);
      await run('status investigating', channelId, t.people.admin);
      await run('sev SEV3', channelId, t.people.admin);
      await run('status identified', channelId, t.people.multiGuest);
      expect(await hikeshiUser(t.people.admin)).toMatchObject({
        name: 'Adam Admin',
        email: 'adam@example.com',
        timeZone: 'Europe/London',
        role: 'responder', // a Slack admin is not a Hikeshi admin
        slackUserId: t.people.admin,
      });
      expect(await hikeshiUser(t.people.multiGuest)).toMatchObject({ name: 'Gus Guest', role: 'responder' });
      expect(t.emulator.callsTo('users.info').map((c) => c.args.user)).toEqual([t.people.admin, t.people.multiGuest]);
    });

    it('links a Hikeshi user with the same email instead of creating another', async () => {
      const existing = await createUser(t.deps, { name: 'Mia M.', email: 'MIA@example.com', role: 'admin' }, SYSTEM_PRINCIPAL);
      const { incident: inc, channelId } = await incidentWithChannel(t, [t.people.member]);
      await run('status investigating', channelId);
      expect(await hikeshiUser(t.people.member)).toMatchObject({ id: existing.id, name: 'Mia M.', role: 'admin' });
      expect((await timeline(inc.id)).at(-1)!.actor).toEqual({ type: 'user', id: existing.id, name: 'Mia M.' });
    });
  });

  describe('declaring with the modal', () => {
    it('opens the declare modal inside the acknowledgement and declares on submission', async () => {
      await t.api('POST', '/api/v1/services', { name: 'payments', tier: 1 });
      const triggerId = t.emulator.workspace.issueTriggerId();
      expect(await run('declare Checkout errors', ALLOWED, t.people.member, triggerId)).toBeUndefined();

      const [open] = t.emulator.callsTo('views.open');
      expect(open).toMatchObject({ status: 200, answer: { ok: true } });
      const view = JSON.parse(String(open!.args.view));
      expect(view).toMatchObject({ callback_id: VIEW.declare, private_metadata: JSON.stringify({ channelId: ALLOWED }) });
      expect(view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(['title', 'severity', 'services', 'summary']);
      expect(view.blocks[0].element.initial_value).toBe('Checkout errors');
      const serviceId = view.blocks[2].element.options[0].value;

      const { response, ms } = await timed(
        t.slackRequest(
          viewSubmissionBody({
            user: t.people.member,
            callbackId: VIEW.declare,
            privateMetadata: JSON.stringify({ channelId: ALLOWED }),
            values: {
              title: { value: { type: 'plain_text_input', value: 'Checkout errors' } },
              severity: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'SEV2' }, value: 'SEV2' } } },
              services: { value: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'payments' }, value: serviceId }] } },
              summary: { value: { type: 'plain_text_input', value: 'Card payments fail at the last step' } },
            },
          }),
          FORM,
        ),
      );
      expect(response.statusCode).toBe(200);
      expect(ms).toBeLessThan(ACK_BUDGET_MS);
      expect(response.json()).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
      expect(response.json().view.blocks[0].text.text).toContain('*INC-1* Checkout errors');

      const declared = (await t.api('GET', '/api/v1/incidents/INC-1')).json();
      const mia = (await hikeshiUser(t.people.member))!;
      expect(declared).toMatchObject({
        title: 'Checkout errors',
        severity: 'SEV2',
        summary: 'Card payments fail at the last step',
        services: [{ id: serviceId, name: 'payments' }],
        declaredBy: { id: mia.id, name: 'Mia Member' },
      });
    });

    it('shows a refused field under that field of the modal', async () => {
      const response = await t.slackRequest(
        viewSubmissionBody({
          user: t.people.member,
          callbackId: VIEW.declare,
          values: {
            title: { value: { type: 'plain_text_input', value: '   ' } },
            severity: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'SEV4' }, value: 'SEV4' } } },
          },
        }),
        FORM,
      );
      expect(response.json()).toEqual({ response_action: 'errors', errors: { title: 'must not be empty' } });
      expect((await t.api('GET', '/api/v1/incidents')).json().items).toEqual([]);
    });

    it('says so when the modal cannot be opened', async () => {
      const answer = await run('declare', ALLOWED, t.people.member, 'a-trigger-slack-never-issued');
      expect(answer?.text).toBe(':warning: Slack refused `views.open`: `invalid_trigger_id`.');
    });
  });

  describe('summary message buttons and selects', () => {
    it('acknowledges with the button, and answers a second acknowledgement ephemerally', async () => {
      const { incident: inc, channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
      const response = await click({ action_id: ACTION.acknowledge, value: inc.id }, channelId);
      expect(response.body).toBe('');
      expect((await incident(inc.id)).status).toBe('investigating');
      expect(t.emulator.workspace.ephemerals).toEqual([]);

      await click({ action_id: ACTION.acknowledge, value: inc.id }, channelId, t.people.admin);
      expect(t.emulator.workspace.ephemerals).toEqual([
        expect.objectContaining({ channel: channelId, user: t.people.admin, text: ':warning: INC-1 was already acknowledged; it is investigating.' }),
      ]);
    });

    it('changes status and severity with the selects, and answers a refused transition ephemerally', async () => {
      const { incident: inc, channelId } = await incidentWithChannel(t, [t.people.member]);
      await click({ action_id: ACTION.setStatus, block_id: inc.id, selected: 'monitoring' }, channelId);
      await click({ action_id: ACTION.setSeverity, block_id: inc.id, selected: 'SEV1' }, channelId);
      expect(await incident(inc.id)).toMatchObject({ status: 'monitoring', severity: 'SEV1' });
      expect(t.emulator.workspace.ephemerals).toEqual([]);

      await click({ action_id: ACTION.setStatus, block_id: inc.id, selected: 'closed' }, channelId);
      expect((await incident(inc.id)).status).toBe('monitoring');
      expect(t.emulator.workspace.ephemerals.map((e) => [e.user, e.text])).toEqual([
        [t.people.member, ':warning: An incident cannot move from monitoring to closed. From monitoring it can move to: investigating, identified, resolved.'],
      ]);
    });

    it('resolves with the button', async () => {
      const { incident: inc, channelId } = await incidentWithChannel(t, [t.people.member]);
      await click({ action_id: ACTION.resolve, value: inc.id }, channelId);
      expect((await incident(inc.id)).status).toBe('resolved');
      const [changed] = (await timeline(inc.id)).filter((e) => e.kind === 'status.changed');
      expect(changed!.actor.name).toBe('Mia Member');
    });

    it('assigns a role through the modal the button opens', async () => {
      const { incident: inc, channelId } = await incidentWithChannel(t, [t.people.member, t.people.admin]);
      await click({ action_id: ACTION.assignRole, value: inc.id }, channelId, t.people.member, t.emulator.workspace.issueTriggerId());
      const view = JSON.parse(String(t.emulator.callsTo('views.open')[0]!.args.view));
      expect(view).toMatchObject({ callback_id: VIEW.assignRole, private_metadata: inc.id });

      const { response, ms } = await timed(
        t.slackRequest(
          viewSubmissionBody({
            user: t.people.member,
            callbackId: VIEW.assignRole,
            privateMetadata: inc.id,
            values: {
              person: { value: { type: 'users_select', selected_user: t.people.admin } },
              role: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Scribe' }, value: 'scribe' } } },
            },
          }),
          FORM,
        ),
      );
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('');
      expect(ms).toBeLessThan(ACK_BUDGET_MS);
      const adam = (await hikeshiUser(t.people.admin))!;
      expect((await incident(inc.id)).roles.scribe).toBe(adam.id);
    });
  });
});
