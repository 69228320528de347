import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/config/settings.js';
import type { User } from '../../src/domain/catalog/user.js';
import { SlackAutomation } from '../../src/slack/automation/automation.js';
import { remindPostmortemHandler, type RemindPostmortemPayload } from '../../src/slack/postmortems/remind-job.js';
import { appendEvents } from '../../src/store/repositories/timeline.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import { approvePostmortemAsReviewer } from '../../src/usecases/postmortems/change-postmortem-status.js';
import type { PostmortemView } from '../../src/usecases/postmortems/postmortem-view.js';
import { SYSTEM_PRINCIPAL, type Principal } from '../../src/usecases/principal.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';
import { engines } from '../helpers/databases.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';

const asUser = (user: User): Principal => ({ role: user.role, userId: user.id, actor: { type: 'user', id: user.id, name: user.name } });
const section = (view: PostmortemView, id: string) => view.sections.find((s) => s.id === id)!.text;

describe.each(engines)('postmortems over the API on %s', (engine) => {
  let app: TestApp;
  let alice: User;
  let bob: User;
  let carol: User;
  let incidentId: string;
  const pm = (path = '') => `/api/v1/incidents/INC-1/postmortem${path}`;

  beforeAll(async () => {
    app = await startTestApp(engine);
    [alice, bob, carol] = [await addUser(app.deps, 'Alice'), await addUser(app.deps, 'Bob'), await addUser(app.deps, 'Carol')];
    expect((await app.api('POST', '/api/v1/services', { name: 'checkout' })).statusCode).toBe(201);

    // The incident as it happened: declared 09:00, impact from 08:40, detected 08:50,
    // acknowledged 09:05, a note, a runbook's answers, mitigated 09:30, resolved 10:00.
    const declared = await app.api('POST', '/api/v1/incidents', { title: 'Checkout errors', severity: 'SEV2', services: ['checkout'] });
    incidentId = declared.json().id;
    await app.api('PATCH', '/api/v1/incidents/INC-1', { roles: { commander: alice.id }, impactStartedAt: '2026-11-20T08:40:00Z', detectedAt: '2026-11-20T08:50:00Z' });
    app.clock.set('2026-11-20T09:05:00Z');
    await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'investigating' });
    await app.api('POST', '/api/v1/incidents/INC-1/timeline', { kind: 'note', body: 'Rolled back deploy 4411' });
    // A runbook's run writes these (src/usecases/runbooks); the test writes the same entries directly.
    await appendEvents(
      app.database.db,
      incidentId,
      [
        { kind: 'runbook.started', payload: { runbookId: 'customer-facing', title: { en: 'Customer-facing outage', ja: '顧客影響のある障害' } } },
        {
          kind: 'runbook.answered',
          payload: { runbookId: 'customer-facing', stepId: 'users', question: { en: 'How many users are affected?', ja: '影響ユーザー数は？' }, answer: '1200', value: 1200 },
        },
        { kind: 'runbook.field_recorded', payload: { runId: 'run-1', runbookId: 'customer-facing', stepId: 'users', field: 'affected_users', value: 1200 } },
        { kind: 'runbook.field_recorded', payload: { runId: 'run-1', runbookId: 'customer-facing', stepId: 'cs', field: 'cs_inquiries', value: 37 } },
      ],
      { type: 'user', id: alice.id, name: alice.name },
      app.clock.now(),
    );
    app.clock.set('2026-11-20T09:30:00Z');
    await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'monitoring' });
    app.clock.set('2026-11-20T10:00:00Z');
    expect((await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'resolved' })).statusCode).toBe(200);
  });
  afterAll(async () => app?.close());

  it('is 404 until created, and the draft created after resolution already holds the timeline, durations, impact figures and runbook answers', async () => {
    expect((await app.api('GET', pm())).json()).toMatchObject({ status: 404, code: 'resource.not_found' });
    const created = await app.api('POST', pm());
    expect(created.statusCode).toBe(201);
    const view: PostmortemView = created.json();
    expect(view).toMatchObject({ incidentId, incident: { reference: 'INC-1', severity: 'SEV2', status: 'resolved' }, status: 'draft', owner: { id: alice.id, name: 'Alice' } });
    expect(section(view, 'timeline')).toContain('Rolled back deploy 4411');
    expect(section(view, 'timeline')).toContain('How many users are affected? → 1200');
    expect(section(view, 'impact')).toContain('- Impact window: 2026-11-20 08:40 – 2026-11-20 09:30 (50 min)');
    expect(section(view, 'impact')).toContain('- Affected users: 1,200');
    expect(section(view, 'impact')).toContain('- Customer-support inquiries: 37');
    expect(section(view, 'summary')).toContain('checkout');
    expect(view.durations).toEqual([
      { name: 'timeToDetect', ms: 10 * 60_000, reason: null },
      { name: 'timeToAcknowledge', ms: 5 * 60_000, reason: null },
      { name: 'timeToMitigate', ms: 50 * 60_000, reason: null },
      { name: 'timeToResolve', ms: 80 * 60_000, reason: null },
    ]);
    expect(view.sections.map((s) => [s.id, s.edited])).toContainEqual(['root-causes', false]);
  });

  it('says exactly what is missing before the meeting', async () => {
    const { readiness } = (await app.api('GET', pm())).json() as PostmortemView;
    expect(readiness.percent).toBe(28);
    expect(readiness.items.find((i) => i.id === 'impact-quantified')).toMatchObject({ done: true });
    expect(readiness.missing.map((m) => [m.id, m.reason.en])).toEqual([
      ['timeline-reviewed', 'nobody has marked the timeline as reviewed'],
      ['root-cause-written', 'section "root-causes" is empty'],
      ['action-items-complete', '0 action items; at least 1 expected'],
      ['severity-confirmed', 'nobody has confirmed the severity'],
      ['slo-impact-recorded', 'no SLO budget figures and no note on SLO impact'],
    ]);
    expect(readiness.missing.every((m) => m.reason.ja)).toBe(true);
  });

  it('refuses bad input naming the field', async () => {
    const bad = [
      [await app.api('POST', '/api/v1/incidents/INC-1/action-items', { title: 'x', dueDate: '2026-02-30' }), 'dueDate'],
      [await app.api('POST', '/api/v1/incidents/INC-1/action-items', { title: 'x', ownerId: 'nobody' }), 'ownerId'],
      [await app.api('POST', '/api/v1/incidents/INC-1/action-items', { title: 'x', externalUrl: 'ftp://tracker' }), 'externalUrl'],
      [await app.api('PATCH', pm(), { sections: { 'root-cause': 'typo in the id' } }), 'section'],
      [await app.api('PATCH', pm(), { meetingAt: 'next tuesday' }), 'meetingAt'],
      [await app.api('PATCH', pm(), { reviewers: [carol.id, 'ghost'] }), 'reviewers[1]'],
    ] as const;
    for (const [answer, field] of bad) expect([answer.statusCode, answer.json().field]).toEqual([422, field]);
    expect((await app.api('GET', '/api/v1/incidents/INC-1/action-items')).json().items).toEqual([]);
  });

  it('reaches 100% once filled in, and the Markdown export contains it all', async () => {
    const added = await app.api('POST', '/api/v1/incidents/INC-1/action-items', { title: 'Alert on checkout 5xx', ownerId: bob.id });
    expect(added.statusCode).toBe(201);
    let view: PostmortemView = (await app.api('GET', pm())).json();
    expect(view.readiness.missing.find((m) => m.id === 'action-items-complete')?.reason.en).toBe('"Alert on checkout 5xx" has no due date');
    const item = await app.api('PATCH', `/api/v1/action-items/${added.json().id}`, { dueDate: '2026-12-04', externalUrl: 'https://tracker.example.com/OPS-88' });
    expect(item.json()).toMatchObject({ owner: { id: bob.id, name: 'Bob' }, dueDate: '2026-12-04', status: 'open' });

    const patched = await app.api('PATCH', pm(), {
      sections: { 'root-causes': 'A config push disabled the payment retry.' },
      timelineReviewed: true,
      severityConfirmed: true,
      sloImpactNote: 'checkout-availability: 12% of the monthly error budget',
      reviewers: [carol.id],
    });
    expect(patched.statusCode).toBe(200);
    view = patched.json();
    expect(view.readiness).toMatchObject({ percent: 100, missing: [] });
    expect(view).toMatchObject({ timelineReviewed: true, severityConfirmed: true, severityConfirmation: { severity: 'SEV2' }, reviewers: [{ id: carol.id, approvedAt: null }] });

    const md = await app.api('GET', `${pm()}.md`);
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.headers['content-disposition']).toBe('attachment; filename="INC-1-postmortem.md"');
    for (const text of [
      '# INC-1: Checkout errors — Postmortem',
      '| Time to detect |',
      '10 min',
      '1 h 20 min',
      'Rolled back deploy 4411',
      'How many users are affected? → 1200',
      'Affected users: 1,200',
      '## Root causes\n\nA config push disabled the payment retry.',
      '| Alert on checkout 5xx | Bob | 2026-12-04 |',
      '<https://tracker.example.com/OPS-88>',
      'checkout-availability: 12% of the monthly error budget',
      ': 100%',
    ]) {
      expect(md.body).toContain(text);
    }
    const ja = await app.api('GET', `${pm()}.md?lang=ja`);
    expect(ja.headers['content-disposition']).toBe('attachment; filename="INC-1-postmortem.ja.md"');
    expect(ja.body).toContain('## 根本原因');
    // Headings, tables and the checklist follow ?lang; the sections are the text as written (generated in settings' language).
    expect(ja.body).toContain('| 検知までの時間 |');
    expect(ja.body).toContain('- [x] 根本原因が書かれている');
    expect(ja.body).toContain('A config push disabled the payment retry.');
    expect((await app.api('GET', `${pm()}.md?lang=fr`)).statusCode).toBe(400);
  });

  it('keeps a section a person wrote when regenerated, and refreshes the generated ones', async () => {
    await app.api('PATCH', pm(), { sections: { summary: 'Payments failed for 80 minutes after a config push.' } });
    await app.api('PATCH', '/api/v1/incidents/INC-1', { summary: 'Card payments failed' });
    await app.api('POST', '/api/v1/incidents/INC-1/timeline', { kind: 'note', body: 'Retry re-enabled for good' });
    const regenerated = await app.api('POST', pm('/regenerate'));
    expect(regenerated.statusCode).toBe(200);
    const view = regenerated.json();
    expect(view.refreshed).toEqual(['timeline']);
    expect(view.kept).toEqual(['summary']);
    expect(section(view, 'summary')).toBe('Payments failed for 80 minutes after a config push.');
    expect(section(view, 'timeline')).toContain('Retry re-enabled for good');
    expect(view.sections.find((s: { id: string }) => s.id === 'summary').edited).toBe(true);
  });

  it('plans no reminder while Slack is off', async () => {
    expect((await app.api('PATCH', pm(), { meetingAt: '2026-11-23T10:00:00+09:00' })).json().meetingAt).toBe('2026-11-23T01:00:00.000Z');
    const jobs = await app.database.db.selectFrom('jobs').select('kind').where('kind', '=', 'postmortems.remind').execute();
    expect(jobs).toEqual([]);
  });

  it('goes draft → in review → published with every reviewer’s approval, and refuses the moves it does not allow', async () => {
    expect((await app.api('POST', pm())).json()).toMatchObject({ status: 409, code: 'postmortem.exists' });
    expect((await app.api('POST', pm('/transition'), { to: 'published' })).json()).toMatchObject({ status: 409, code: 'postmortem.invalid_transition' });
    await expect(approvePostmortemAsReviewer(app.deps, asUser(carol), 'INC-1')).rejects.toMatchObject({ code: 'postmortem.not_in_review' });
    expect((await app.api('POST', pm('/transition'), { to: 'in_review' })).json()).toMatchObject({ status: 'in_review' });
    expect((await app.api('POST', pm('/transition'), { to: 'published' })).json()).toMatchObject({ status: 409, code: 'postmortem.invalid_transition', detail: expect.stringContaining(carol.id) });
    // An API token is nobody: only a reviewer, as a person, approves.
    expect((await app.api('POST', pm('/approve'))).json()).toMatchObject({ status: 403, code: 'auth.forbidden' });
    await expect(approvePostmortemAsReviewer(app.deps, asUser(bob), 'INC-1')).rejects.toMatchObject({ field: 'reviewerId' });
    expect((await approvePostmortemAsReviewer(app.deps, asUser(carol), 'INC-1')).reviewers[0]!.approvedAt).toBe(app.clock.now().toISOString());
    const published = await app.api('POST', pm('/transition'), { to: 'published' });
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: app.clock.now().toISOString() });
    expect((await app.api('PATCH', pm(), { sloImpactNote: 'late edit' })).json()).toMatchObject({ status: 409, code: 'postmortem.published' });
    expect((await app.api('POST', pm('/regenerate'))).json()).toMatchObject({ status: 409, code: 'postmortem.published' });
    expect((await app.api('POST', pm('/transition'), { to: 'draft' })).json()).toMatchObject({ status: 409, code: 'postmortem.invalid_transition' });
  });

  it('needs a reviewer before review, and the responder role to change anything', async () => {
    await app.api('POST', '/api/v1/incidents', { title: 'Search slow', severity: 'SEV3' });
    const viewer = await app.tokenFor('viewer');
    expect((await app.api('POST', '/api/v1/incidents/INC-2/postmortem', undefined, viewer)).statusCode).toBe(403);
    expect((await app.api('POST', '/api/v1/incidents/INC-2/postmortem')).statusCode).toBe(201);
    expect((await app.api('GET', '/api/v1/incidents/INC-2/postmortem', undefined, viewer)).statusCode).toBe(200);
    const refused = (await app.api('POST', '/api/v1/incidents/INC-2/postmortem/transition', { to: 'in_review' })).json();
    expect(refused).toMatchObject({ status: 409, code: 'postmortem.invalid_transition', detail: expect.stringContaining('add at least one reviewer first') });
    expect((await app.api('POST', '/api/v1/incidents/INC-2/action-items', { title: 'x' }, viewer)).statusCode).toBe(403);
  });

  it('lists overdue follow-ups across incidents, most overdue first; due today is not overdue yet', async () => {
    const add = (title: string, body: object) => app.api('POST', '/api/v1/incidents/INC-2/action-items', { title, ownerId: bob.id, ...body });
    await add('Due today', { dueDate: '2026-11-20' });
    await add('Two days late', { dueDate: '2026-11-18' });
    await add('A week late', { dueDate: '2026-11-13' });
    await add('Done late', { dueDate: '2026-11-01', status: 'done' });
    const dropped = (await add('Dropped', { dueDate: '2026-11-02' })).json();
    expect((await app.api('PATCH', `/api/v1/action-items/${dropped.id}`, { status: 'wont-do' })).statusCode).toBe(200);
    const deleted = (await add('Deleted', { dueDate: '2026-11-03' })).json();
    expect((await app.api('DELETE', `/api/v1/action-items/${deleted.id}`)).statusCode).toBe(204);
    expect((await app.api('DELETE', `/api/v1/action-items/${deleted.id}`)).statusCode).toBe(404);

    const overdue = (await app.api('GET', '/api/v1/action-items?overdue=true')).json().items;
    expect(overdue.map((i: { title: string; daysOverdue: number }) => [i.title, i.daysOverdue])).toEqual([
      ['A week late', 7],
      ['Two days late', 2],
    ]);
    expect(overdue[0]).toMatchObject({ incident: { reference: 'INC-2', title: 'Search slow' }, owner: { name: 'Bob' } });
    const open = (await app.api('GET', '/api/v1/action-items')).json().items.map((i: { title: string }) => i.title);
    expect(open).toEqual(['A week late', 'Two days late', 'Due today', 'Alert on checkout 5xx']);
  });

  it('documents every postmortem route in OpenAPI', async () => {
    const paths = Object.keys((await app.api('GET', '/api/v1/openapi.json')).json().paths);
    for (const path of ['/api/v1/incidents/{id}/postmortem', '/api/v1/incidents/{id}/postmortem.md', '/api/v1/incidents/{id}/action-items', '/api/v1/action-items', '/api/v1/action-items/{id}']) {
      expect(paths).toContain(path);
    }
  });
});

describe.each(engines)('a team’s own postmortem template and checklist on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    const postmortems = {
      language: 'ja' as const,
      timeZone: 'Asia/Tokyo',
      template: {
        sections: [
          { id: 'what', heading: { en: 'What happened', ja: '何が起きたか' }, generator: 'timeline' },
          { id: 'why', heading: { en: 'Why', ja: 'なぜ' } },
          { id: 'next', heading: { en: 'Next', ja: '次に' }, actionItems: true },
        ],
      },
      checklist: [
        { id: 'why-written', label: { en: 'Why written', ja: 'なぜが書かれている' }, check: 'section-written', params: { section: 'why', minimum: 20 } },
        { id: 'reviewer', label: { en: 'A reviewer', ja: 'レビュアー' }, check: 'reviewers-assigned' },
      ],
    };
    app = await startTestApp(engine, { settings: { ...DEFAULT_SETTINGS, postmortems } });
  });
  afterAll(async () => app?.close());

  it('drafts the team’s sections in its language and time zone, and checks its items', async () => {
    await app.api('POST', '/api/v1/incidents', { title: '決済エラー', severity: 'SEV1' });
    const view: PostmortemView = (await app.api('POST', '/api/v1/incidents/INC-1/postmortem')).json();
    expect(view.sections.map((s) => [s.id, s.generated, s.actionItems])).toEqual([
      ['what', true, false],
      ['why', false, false],
      ['next', false, true],
    ]);
    // Declared at 09:00 UTC, which is 18:00 in Tokyo; the table is headed in Japanese.
    expect(section(view, 'what')).toContain('| 時刻 (Asia/Tokyo) |');
    expect(section(view, 'what')).toContain('| 2026-11-20 18:00 |');
    expect(view.readiness.missing.map((m) => [m.id, m.reason.ja])).toEqual([
      ['why-written', 'セクション「why」が空です'],
      ['reviewer', 'レビュアーが0人です（1人以上必要）'],
    ]);
    const short = (await app.api('PATCH', '/api/v1/incidents/INC-1/postmortem', { sections: { why: 'Too short' } })).json();
    expect(short.readiness.missing[0].reason.en).toBe('section "why" has 9 characters; at least 20 expected');
    const reviewer = await addUser(app.deps, 'Dai');
    const done = await app.api('PATCH', '/api/v1/incidents/INC-1/postmortem', { sections: { why: 'リトライ設定が無効化されていたため。設定変更のレビューが漏れた。' }, reviewers: [reviewer.id] });
    expect(done.json().readiness).toMatchObject({ percent: 100, missing: [] });
    expect((await app.api('PATCH', '/api/v1/incidents/INC-1/postmortem', { sections: { summary: 'not in this template' } })).json()).toMatchObject({ status: 422, field: 'section' });
  });
});

describe.each(engines)('postmortem reminders through Slack on %s', (engine) => {
  let app: SlackTestApp;
  let mia: User;
  const HOUR = 3_600_000;
  const reminderDms = () =>
    app.emulator.callsTo('chat.postMessage').filter((call) => String(call.args.metadata ?? '').includes('hikeshi_postmortem_reminder'));
  const reminderJobs = () => app.database.db.selectFrom('jobs').select(['run_at', 'status']).where('kind', '=', 'postmortems.remind').orderBy('run_at').execute();

  beforeAll(async () => {
    app = await startSlackTestApp(engine);
    mia = await createUser(app.deps, { name: 'Mia Member', email: 'mia@example.com', slackUserId: app.people.member }, SYSTEM_PRINCIPAL);
  });
  afterAll(async () => app?.close());

  it('DMs the owner before the meeting while items are missing, once per reminder, and not for a moved meeting or a ready postmortem', async () => {
    const start = app.clock.now().getTime();
    await app.api('POST', '/api/v1/incidents', { title: 'Login outage', severity: 'SEV2' });
    await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'resolved' });
    expect((await app.api('POST', '/api/v1/incidents/INC-1/postmortem')).statusCode).toBe(201);
    await app.api('PATCH', '/api/v1/incidents/INC-1/postmortem', { ownerId: mia.id });
    await app.runJobs();

    const meeting = new Date(start + 72 * HOUR).toISOString();
    await app.api('PATCH', '/api/v1/incidents/INC-1/postmortem', { meetingAt: meeting });
    await app.api('PATCH', '/api/v1/incidents/INC-1/postmortem', { meetingAt: meeting, sloImpactNote: 'no SLO covers login' });
    // 48, 24 and 2 hours before: planned once, however often the same time is set.
    expect((await reminderJobs()).length).toBe(3);

    app.clock.set(new Date(start + 24 * HOUR + 1000));
    await app.runJobs();
    expect(reminderDms()).toHaveLength(1);
    const dm = reminderDms()[0]!;
    expect(dm.args.text).toContain('INC-1: Login outage');
    expect(dm.args.text).toContain('Timeline reviewed: nobody has marked the timeline as reviewed');
    expect(dm.args.text).not.toContain('SLO');
    await app.runJobs();
    expect(reminderDms()).toHaveLength(1);

    // The meeting moves: the reminders planned for the old time do nothing.
    await app.api('PATCH', '/api/v1/incidents/INC-1/postmortem', { meetingAt: new Date(start + 100 * HOUR).toISOString() });
    app.clock.set(new Date(start + 48 * HOUR + 1000));
    await app.runJobs();
    expect(reminderDms()).toHaveLength(1);

    // Everything filled in before the next reminder: nothing to remind of.
    const item = await app.api('POST', '/api/v1/incidents/INC-1/action-items', { title: 'Rate-limit the login retries', ownerId: mia.id, dueDate: '2026-12-31' });
    expect(item.statusCode).toBe(201);
    const ready = await app.api('PATCH', '/api/v1/incidents/INC-1/postmortem', {
      sections: { 'root-causes': 'Retries from the app overwhelmed the session store.' },
      timelineReviewed: true,
      severityConfirmed: true,
    });
    expect(ready.json().readiness.missing.map((m: { id: string }) => m.id)).toEqual(['impact-quantified']);
    app.clock.set(new Date(start + 52 * HOUR + 1000));
    await app.runJobs();
    expect(reminderDms()).toHaveLength(2);
    expect(reminderDms()[1]!.args.text).toContain('Impact quantified');
    expect(reminderDms()[1]!.args.text).not.toContain('Timeline reviewed');

    // The last item done: the reminders still planned find nothing to say.
    const incident = (await app.api('GET', '/api/v1/incidents/INC-1')).json();
    await appendEvents(app.database.db, incident.id, [{ kind: 'runbook.field_recorded', payload: { runId: 'r', runbookId: 'r', stepId: 's', field: 'affected_users', value: 5400 } }], { type: 'system', id: null, name: 'Hikeshi' }, app.clock.now());
    expect((await app.api('GET', '/api/v1/incidents/INC-1/postmortem')).json().readiness.percent).toBe(100);
    app.clock.set(new Date(start + 99 * HOUR));
    await app.runJobs();
    expect(reminderDms()).toHaveLength(2);
    expect((await reminderJobs()).map((j) => j.status)).toEqual(Array(6).fill('succeeded'));
  });

  it('does not DM twice when a reminder is retried after a crash between the send and its record', async () => {
    const start = app.clock.now().getTime();
    const incident = (await app.api('POST', '/api/v1/incidents', { title: 'Search down', severity: 'SEV3' })).json();
    await app.api('POST', `/api/v1/incidents/${incident.id}/postmortem`);
    await app.api('PATCH', `/api/v1/incidents/${incident.id}/postmortem`, { ownerId: mia.id, meetingAt: new Date(start + 72 * HOUR).toISOString() });
    await app.runJobs();
    const job = await app.database.db
      .selectFrom('jobs')
      .select(['id', 'payload', 'run_at'])
      .where('kind', '=', 'postmortems.remind')
      .where('status', '=', 'pending')
      .orderBy('run_at')
      .executeTakeFirstOrThrow();
    const payload = (typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload) as RemindPostmortemPayload;
    expect(payload.incidentId).toBe(incident.id);
    app.clock.set(job.run_at);
    // The crashed attempt: the DM went out, then the process died before the job was marked done.
    const handler = remindPostmortemHandler(new SlackAutomation(app.deps, app.runtime));
    const context = { jobId: Number(job.id), kind: 'postmortems.remind', attempt: 1, maxAttempts: 10, now: app.clock.now(), database: app.database, signal: new AbortController().signal };
    await handler(payload, context);
    const sent = reminderDms().length;
    await app.database.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_by: 'crashed-worker', locked_until: new Date(app.clock.now().getTime() - 1).toISOString() })
      .where('id', '=', job.id)
      .execute();

    await app.runJobs();
    expect(reminderDms().length).toBe(sent);
    const after = await app.database.db.selectFrom('jobs').select(['status', 'attempts']).where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'succeeded', attempts: 2 });
  });
});

describe('postmortem settings', () => {
  it.each([
    [
      'a template naming a generator that does not exist',
      'postmortems:\n  template:\n    sections:\n      - id: summary\n        heading: { en: Summary }\n        generator: sumary\n',
      'hikeshi.yaml:6: postmortems.template.sections[0].generator unknown generator "sumary"',
    ],
    [
      'a checklist item about a section the template lacks',
      'postmortems:\n  checklist:\n    - id: written\n      label: { en: Written }\n      check: section-written\n      params: { section: nope }\n',
      'hikeshi.yaml:6: postmortems.checklist[0].params.section the template has no section "nope"',
    ],
    ['a time zone that is not IANA', 'postmortems:\n  timeZone: Mars/Base\n', 'hikeshi.yaml:2: postmortems.timeZone is not an IANA time zone'],
    ['a reminder at the meeting itself', 'postmortems:\n  reminderHoursBefore: [0]\n', 'hikeshi.yaml:2: postmortems.reminderHoursBefore.0 must be > 0'],
  ])('refuses %s, naming the key and line', (_, text, message) => {
    expect(() => parseSettings(text)).toThrow(message);
  });

  it('accepts a template and a checklist that fit together', () => {
    const settings = parseSettings(
      'postmortems:\n  template:\n    sections:\n      - { id: what, heading: { en: What, ja: 何が }, generator: summary }\n      - { id: why, heading: { en: Why } }\n  checklist:\n    - { id: why-written, label: { en: Why written }, check: section-written, params: { section: why, minimum: 20 } }\n',
    );
    expect(settings.postmortems?.checklist).toEqual([{ id: 'why-written', label: { en: 'Why written' }, check: 'section-written', params: { section: 'why', minimum: 20 } }]);
  });
});
