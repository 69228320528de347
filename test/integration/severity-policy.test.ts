import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listJobs } from '../../src/store/repositories/jobs.js';
import { findIncidentChannel } from '../../src/store/repositories/slack.js';
import { engines } from '../helpers/databases.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';

type TimelineItem = { kind: string; actor: { name: string }; payload: Record<string, unknown> };

const POLICY = `version: 1
rules:
  - id: cs-inquiries-10
    severity: SEV3
    reason: { en: "10 or more customer-support inquiries.", ja: "問い合わせが 10 件以上のため。" }
    when: { field: cs_inquiries, op: gte, value: 10 }
  - id: cs-inquiries-50
    severity: SEV2
    reason: { en: "50 or more customer-support inquiries.", ja: "問い合わせが 50 件以上のため。" }
    when: { field: cs_inquiries, op: gte, value: 50 }
examples:
  - name: "50 inquiries make it SEV2"
    facts: { cs_inquiries: 50 }
    expect: SEV2
`;

describe.each(engines)('severity policy on %s', (engine) => {
  let app: SlackTestApp;
  afterEach(async () => app?.close());

  const timeline = async (id: string): Promise<TimelineItem[]> => (await app.api('GET', `/api/v1/incidents/${id}/timeline`)).json().items;
  const severityEntries = async (id: string) => (await timeline(id)).filter((e) => e.kind.startsWith('severity.'));
  const pendingJobs = async () => (await listJobs(app.deps.db, { status: 'pending' })).length;
  const runUntilIdle = async () => {
    await app.runJobs();
    for (let i = 0; i < 40 && (await pendingJobs()) > 0; i++) {
      app.clock.advance(60_000);
      await app.runJobs();
    }
  };
  const channelMessages = async (id: string) => {
    const channel = await findIncidentChannel(app.deps.db, id);
    return app.emulator.workspace.messages.filter((m) => m.channel === channel!.channelId);
  };

  it('raising cs_inquiries past the threshold makes the incident worse, quoting the rule on the timeline and in the channel; a lower result is only proposed, then confirmed', async () => {
    app = await startSlackTestApp(engine);
    expect((await app.api('PUT', '/api/v1/severity/policy', { text: POLICY })).statusCode).toBe(200);
    const declared = await app.api('POST', '/api/v1/incidents', { title: 'Checkout errors', severity: 'SEV4' });
    const { id } = declared.json() as { id: string };
    await runUntilIdle();

    const raised = await app.api('PATCH', `/api/v1/incidents/${id}`, { fields: { cs_inquiries: 60 } });
    expect(raised.statusCode).toBe(200);
    expect(raised.json()).toMatchObject({ severity: 'SEV2', severitySource: 'policy', severityProposal: null });
    const [changed] = await severityEntries(id);
    expect(changed).toMatchObject({
      kind: 'severity.changed',
      actor: { name: 'Severity policy' },
      payload: { from: 'SEV4', to: 'SEV2', ruleIds: ['cs-inquiries-50'], reason: { en: '50 or more customer-support inquiries.', ja: '問い合わせが 50 件以上のため。' }, policyVersion: 1, cause: 'field:cs_inquiries' },
    });
    await runUntilIdle();
    const quoted = (await channelMessages(id)).filter((m) => m.text.includes('`cs-inquiries-50`'));
    expect(quoted).toHaveLength(1);
    expect(quoted[0]!.text).toContain('SEV4 → SEV2');
    expect(quoted[0]!.text).toContain('50 or more customer-support inquiries.');
    expect(quoted[0]!.text).toContain('問い合わせが 50 件以上のため。');

    const lowered = await app.api('PATCH', `/api/v1/incidents/${id}`, { fields: { cs_inquiries: 12 } });
    expect(lowered.json()).toMatchObject({ severity: 'SEV2', severityProposal: { from: 'SEV2', to: 'SEV3', ruleIds: ['cs-inquiries-10'], why: 'milder' } });
    const proposal = lowered.json().severityProposal as { id: string };
    expect((await severityEntries(id)).map((e) => e.kind)).toEqual(['severity.changed', 'severity.proposed']);
    await runUntilIdle();
    const proposed = (await channelMessages(id)).find((m) => m.text.includes('severity proposal'));
    expect(proposed?.text).toContain('SEV2 → SEV3');
    expect(JSON.stringify(proposed?.blocks)).toContain(`${id}|${proposal.id}`);

    // The same result again is not proposed twice.
    await app.api('PATCH', `/api/v1/incidents/${id}`, { fields: { cs_inquiries: 13 } });
    expect((await severityEntries(id)).filter((e) => e.kind === 'severity.proposed')).toHaveLength(1);

    const confirmed = await app.api('POST', `/api/v1/incidents/${id}/severity-proposal/confirm`, { proposalId: proposal.id });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ severity: 'SEV3', severityProposal: null });
    const again = await app.api('POST', `/api/v1/incidents/${id}/severity-proposal/confirm`, { proposalId: proposal.id });
    expect(again.json()).toMatchObject({ status: 409, code: 'severity.no_proposal' });
  });

  it('a severity a person set stands: a worse rule becomes a proposal beside it', async () => {
    app = await startSlackTestApp(engine);
    await app.api('PUT', '/api/v1/severity/policy', { text: POLICY });
    const { id } = (await app.api('POST', '/api/v1/incidents', { title: 'Maps slow' })).json() as { id: string };
    await app.api('PATCH', `/api/v1/incidents/${id}`, { severity: 'SEV3' });
    const answer = await app.api('PATCH', `/api/v1/incidents/${id}`, { fields: { cs_inquiries: 80 } });
    expect(answer.json()).toMatchObject({ severity: 'SEV3', severitySource: 'person', severityProposal: { to: 'SEV2', why: 'person_set' } });
  });

  it('a policy whose example fails is refused at load, naming the example, while the running policy stays', async () => {
    app = await startSlackTestApp(engine);
    await app.api('PUT', '/api/v1/severity/policy', { text: POLICY });
    const file = join(mkdtempSync(join(tmpdir(), 'hikeshi-severity-')), 'severity.yaml');
    writeFileSync(file, POLICY.replace('expect: SEV2', 'expect: SEV1'));
    app.deps.settings.severityPolicy = file;

    const reload = await app.api('POST', '/api/v1/severity/policy/reload');
    expect(reload.statusCode).toBe(200);
    expect(reload.json()).toMatchObject({ outcome: 'refused', version: 1 });
    expect(reload.json().problems).toEqual([
      expect.objectContaining({ example: '50 inquiries make it SEV2', path: 'examples[0].expect', line: 14, message: expect.stringContaining('expects SEV1 but the policy gives SEV2') }),
    ]);
    expect((await app.api('GET', '/api/v1/severity/policy')).json()).toMatchObject({ version: 1, source: 'api' });

    const put = await app.api('PUT', '/api/v1/severity/policy', { text: POLICY.replace('expect: SEV2', 'expect: SEV1') });
    expect(put.statusCode).toBe(422);
    expect(put.json()).toMatchObject({ code: 'severity.policy_invalid', problems: [expect.objectContaining({ example: '50 inquiries make it SEV2' })] });

    writeFileSync(file, POLICY.replace('value: 50', 'value: 40'));
    expect((await app.api('POST', '/api/v1/severity/policy/reload')).json()).toMatchObject({ outcome: 'accepted', version: 2 });
    const dryRun = await app.api('POST', '/api/v1/severity/evaluate', { facts: { cs_inquiries: 45 } });
    expect(dryRun.json()).toMatchObject({ severity: 'SEV2', policyVersion: 2, matches: [{ ruleId: 'cs-inquiries-10' }, { ruleId: 'cs-inquiries-50', evidence: [{ field: 'cs_inquiries', op: 'gte', expected: 40, actual: 45 }] }] });
  });
});
