import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { pino } from 'pino';
import { loadRunbookFolder } from '../../src/usecases/runbooks/load-runbook-folder.js';
import { loadRunbooks } from '../../src/usecases/runbooks/load-runbooks.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';
import { engines } from '../helpers/databases.js';

const GOOD = `id: triage-impact
title: { en: Triage the impact, ja: 影響の確認 }
triggers: [manual]
steps:
  - id: commander
    type: ask
    question: Who leads?
    answer: user
    writesTo: commander
  - id: inquiries
    type: ask
    question: How many support inquiries so far?
    answer: number
    validation: { required: true, min: 0 }
    writesTo: cs_inquiries
  - id: started
    type: ask
    question: When did the impact start?
    answer: time
    writesTo: impact_started_at
  - id: announce
    type: action
    action: post-update
    confirm: true
    message: "{{inquiries}} support inquiries so far."
  - id: route
    type: branch
    cases:
      - when: { step: inquiries, gte: 50 }
        goto: worse
    default: calm
  - id: worse
    type: action
    action: set-severity
    severity: SEV1
  - id: status-page
    type: task
    text: Publish a notice on the status page
    required: true
    next: end
  - id: calm
    type: info
    text: Keep the channel informed.
`;

// Line 6 holds the misspelt step type.
const BAD = `id: broken
title: Broken
steps:
  - id: first
    question: Anything?
    type: aks
`;

describe.each(engines)('runbooks API on %s', (engine) => {
  let t: TestApp;
  let folder: string;
  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'hikeshi-runbooks-'));
    writeFileSync(join(folder, 'triage-impact.yaml'), GOOD);
    writeFileSync(join(folder, 'broken.yaml'), BAD);
    t = await startTestApp(engine);
  });
  afterEach(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const json = async (method: string, url: string, body?: unknown, status = 200) => {
    const response = await t.api(method, url, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  const timeline = async (id: string): Promise<Array<{ kind: string; payload: Record<string, unknown> }>> =>
    (await json('GET', `/api/v1/incidents/${id}/timeline`)).items;

  it('loads a folder with one bad file: the error names file:line and the field; the good file is served, the bad one is not', async () => {
    const load = await loadRunbookFolder(t.deps, folder);
    expect(load.loaded.map((r) => r.id)).toEqual(['triage-impact']);
    const errors = load.problems.filter((p) => p.level === 'error');
    expect(errors).toEqual([expect.objectContaining({ file: expect.stringMatching(/broken\.yaml$/), line: 6, path: 'steps[0].type', message: expect.stringContaining('unknown step type "aks"') })]);

    const list = await json('GET', '/api/v1/runbooks');
    expect(list.items).toEqual([expect.objectContaining({ id: 'triage-impact', source: 'file', stepCount: 8, triggers: [] })]);
    expect((await t.api('GET', '/api/v1/runbooks/broken')).statusCode).toBe(404);
    const detail = await json('GET', '/api/v1/runbooks/triage-impact');
    expect(detail.yaml).toBe(GOOD);
    expect(detail.definition.title).toEqual({ en: 'Triage the impact', ja: '影響の確認' });

    // A file refused at the next start is no longer served, even though it loaded before.
    writeFileSync(join(folder, 'triage-impact.yaml'), GOOD.replace('type: task', 'type: tsak'));
    await loadRunbookFolder(t.deps, folder);
    expect((await t.api('GET', '/api/v1/runbooks/triage-impact')).statusCode).toBe(404);

    // At start the refusal is logged with file, line, column and field, and the server carries on.
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    writeFileSync(join(folder, 'triage-impact.yaml'), GOOD);
    await loadRunbooks({ ...t.deps, settings: { ...t.deps.settings, runbooks: folder }, logger });
    const logged = lines.map((line) => JSON.parse(line) as { level: number; msg: string; file?: string; line?: number; field?: string });
    expect(logged.filter((l) => l.level >= 50)).toEqual([
      expect.objectContaining({ msg: expect.stringMatching(/^runbook refused: .*broken\.yaml:6:5 steps\[0\]\.type: unknown step type "aks"/), line: 6, field: 'steps[0].type' }),
    ]);
    expect(logged.find((l) => l.msg === '1 runbook(s) loaded')).toBeDefined();

    const nowhere = await loadRunbookFolder(t.deps, join(folder, 'no-such-folder'));
    expect(nowhere).toMatchObject({ missing: true, loaded: [], problems: [] });
  });

  it('validates as the editor types: YAML problems carry line and column, a data definition is checked the same way', async () => {
    const bad = await json('POST', '/api/v1/runbooks/validate', { yaml: BAD });
    expect(bad.valid).toBe(false);
    expect(bad.problems).toEqual([expect.objectContaining({ level: 'error', path: 'steps[0].type', line: 6, column: 5 })]);
    expect(bad.problems[0]).not.toHaveProperty('file');

    const loop = await json('POST', '/api/v1/runbooks/validate', {
      definition: { id: 'loop', title: 'Loop', steps: [{ id: 'a', type: 'info', text: 'x', next: 'b' }, { id: 'b', type: 'info', text: 'y', next: 'a' }] },
    });
    expect(loop.valid).toBe(false);
    expect(loop.problems.map((p: { message: string }) => p.message).join(' ')).toMatch(/loop/);

    const good = await json('POST', '/api/v1/runbooks/validate', { yaml: GOOD });
    expect(good).toEqual({ valid: true, problems: [], runbook: { id: 'triage-impact', title: 'Triage the impact', stepCount: 8 } });
  });

  it('PUT saves an API runbook (admin), refuses an invalid one with its problems (422), a file runbook with 409; DELETE removes API runbooks only', async () => {
    await loadRunbookFolder(t.deps, folder);
    const fileManaged = await t.api('PUT', '/api/v1/runbooks/triage-impact', { yaml: GOOD });
    expect(fileManaged.statusCode).toBe(409);
    expect(fileManaged.json().code).toBe('runbook.file_managed');

    const refused = await t.api('PUT', '/api/v1/runbooks/broken', { yaml: BAD });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'runbook.invalid', problems: [expect.objectContaining({ path: 'steps[0].type', line: 6 })] });

    const mismatch = await t.api('PUT', '/api/v1/runbooks/other', { yaml: GOOD.replace('triage-impact', 'mine') });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().field).toBe('id');

    const yaml = GOOD.replace('triage-impact', 'mine');
    const saved = await json('PUT', '/api/v1/runbooks/mine', { yaml });
    expect(saved).toMatchObject({ id: 'mine', source: 'api', file: null, yaml });
    const responder = await t.tokenFor('responder');
    expect((await t.api('PUT', '/api/v1/runbooks/mine', { yaml }, responder)).statusCode).toBe(403);

    expect((await t.api('DELETE', '/api/v1/runbooks/triage-impact')).statusCode).toBe(409);
    expect((await t.api('DELETE', '/api/v1/runbooks/mine')).statusCode).toBe(204);
    expect((await t.api('GET', '/api/v1/runbooks/mine')).statusCode).toBe(404);
  });

  it('a full run: answers fill the incident and the timeline, the branch takes the right path, a stale step answers 409 naming who answered', async () => {
    await loadRunbookFolder(t.deps, folder);
    const alice = await addUser(t.deps, 'Alice');
    const incident = await json('POST', '/api/v1/incidents', { title: 'Checkout errors', severity: 'SEV3' }, 201);

    let run = await json('POST', `/api/v1/incidents/${incident.id}/runbook-runs`, { runbookId: 'triage-impact' }, 201);
    expect(run).toMatchObject({ status: 'running', moves: ['answer', 'skip', 'abandon'], progress: { answered: 0, total: 6 } });
    expect(run.currentStep).toMatchObject({ id: 'commander', type: 'ask', question: { en: 'Who leads?' } });
    const step = (stepId: string, body: unknown, status = 200) => json('POST', `/api/v1/runbook-runs/${run.id}/steps/${stepId}`, body, status);

    run = await step('commander', { action: 'answer', value: alice.id });
    const refused = await t.api('POST', `/api/v1/runbook-runs/${run.id}/steps/inquiries`, { action: 'answer', value: 'many' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ field: 'inquiries', detail: expect.stringContaining('must be a number') });
    run = await step('inquiries', { action: 'answer', value: '1,200' });
    run = await step('started', { action: 'answer', value: '2026-11-20T17:30+09:00' });
    expect(run.currentStep).toMatchObject({ id: 'announce', type: 'action' });
    run = await step('announce', { action: 'proceed' });
    // inquiries >= 50: the branch goes to `worse` (severity raised at once) and waits at the task.
    expect(run.currentStep).toMatchObject({ id: 'status-page' });
    expect(run.moves).toEqual(['complete', 'back', 'abandon']);

    const stale = await t.api('POST', `/api/v1/runbook-runs/${run.id}/steps/inquiries`, { action: 'answer', value: '3' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'runbook.stale_step', detail: expect.stringMatching(/already answered by .+ at 2026-11-20T09:00:00.000Z; the runbook has moved on to "status-page"/) });

    run = await step('status-page', { action: 'complete' });
    expect(run).toMatchObject({ status: 'completed', currentStep: null, moves: [], done: ['announce', 'status-page'] });
    expect(run.answers.map((a: { stepId: string; display: string }) => [a.stepId, a.display])).toEqual([
      ['commander', 'Alice'],
      ['inquiries', '1200'],
      ['started', '2026-11-20 08:30 UTC'],
    ]);

    const after = await json('GET', `/api/v1/incidents/${incident.id}`);
    expect(after).toMatchObject({ severity: 'SEV1', impactStartedAt: '2026-11-20T08:30:00.000Z' });
    expect(after.roles.commander).toMatchObject({ id: alice.id });
    const entries = await timeline(incident.id);
    const kinds = entries.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['runbook.started', 'role.assigned', 'field.changed', 'status_update', 'severity.changed', 'runbook.completed']));
    expect(kinds).not.toContain('runbook.field_recorded');
    expect(entries.filter((e) => e.kind === 'runbook.answered').map((e) => [e.payload.stepId, e.payload.answer])).toEqual([
      ['commander', 'Alice'],
      ['inquiries', '1200'],
      ['started', '2026-11-20 08:30 UTC'],
    ]);
    // A declared custom field is set for real, as a PATCH would.
    expect(entries.find((e) => e.kind === 'field.changed' && e.payload.field === 'cs_inquiries')!.payload).toEqual({ field: 'cs_inquiries', from: null, to: 1200, runbookStep: 'inquiries' });
    expect(after.fields).toEqual({ cs_inquiries: 1200 });
    expect(entries.find((e) => e.kind === 'status_update')!.payload.body).toBe('1200 support inquiries so far.');
    expect(entries.find((e) => e.kind === 'severity.changed')!.payload).toMatchObject({ from: 'SEV3', to: 'SEV1', runbookStep: 'worse' });

    // A second run on the same incident: few inquiries take the default path to the guidance.
    let calm = await json('POST', `/api/v1/incidents/${incident.id}/runbook-runs`, { runbookId: 'triage-impact' }, 201);
    const calmStep = (stepId: string, body: unknown) => json('POST', `/api/v1/runbook-runs/${calm.id}/steps/${stepId}`, body);
    calm = await calmStep('commander', { action: 'skip' });
    calm = await calmStep('inquiries', { action: 'answer', value: 3 });
    calm = await calmStep('started', { action: 'skip' });
    calm = await calmStep('announce', { action: 'skip' });
    expect(calm.currentStep).toMatchObject({ id: 'calm', type: 'info' });
    calm = await json('POST', `/api/v1/runbook-runs/${calm.id}/back`);
    expect(calm).toMatchObject({ currentStep: { id: 'announce' } });

    const runs = await json('GET', `/api/v1/incidents/${incident.id}/runbook-runs`);
    expect(runs.items.map((r: { id: string; status: string }) => r.status)).toEqual(['completed', 'running']);
    const abandoned = await json('POST', `/api/v1/runbook-runs/${calm.id}/abandon`, { reason: 'Not customer-facing after all' });
    expect(abandoned).toMatchObject({ status: 'abandoned', moves: [] });
  });

  it('a triggered runbook starts by itself when an incident is declared at or above its severity', async () => {
    writeFileSync(join(folder, 'triage-impact.yaml'), GOOD.replace('triggers: [manual]', 'triggers:\n  - severity: SEV2'));
    await loadRunbookFolder(t.deps, folder);
    const runner = new JobRunner({ database: t.database, clock: t.clock, handlers: createJobHandlers({ deps: t.deps }) });
    const low = await json('POST', '/api/v1/incidents', { title: 'Slow search', severity: 'SEV3' }, 201);
    const high = await json('POST', '/api/v1/incidents', { title: 'Checkout down', severity: 'SEV2' }, 201);
    while ((await runner.runDue()) > 0);
    expect((await json('GET', `/api/v1/incidents/${low.id}/runbook-runs`)).items).toEqual([]);
    const [run] = (await json('GET', `/api/v1/incidents/${high.id}/runbook-runs`)).items;
    expect(run).toMatchObject({ runbook: { id: 'triage-impact' }, status: 'running', currentStep: { id: 'commander' } });
    expect((await timeline(high.id)).find((e) => e.kind === 'runbook.started')).toMatchObject({ actor: { type: 'system' } });
  });
});
