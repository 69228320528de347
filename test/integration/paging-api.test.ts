import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageView } from '../../src/usecases/paging/page-view.js';
import { listOpenPagesFor } from '../../src/usecases/paging/read-pages.js';
import { engines } from '../helpers/databases.js';
import { ADMIN_TOKEN, addUser, startTestApp, type TestApp } from '../helpers/app.js';

describe.each(engines)('paging API on %s', (engine) => {
  let app: TestApp;
  const ids = { ann: '', bob: '', primary: '' };
  let responder: string;
  let viewer: string;

  beforeAll(async () => {
    app = await startTestApp(engine);
    ids.ann = (await addUser(app.deps, 'Ann')).id;
    ids.bob = (await addUser(app.deps, 'Bob')).id;
    const schedule = await app.api('POST', '/api/v1/schedules', {
      name: 'Primary',
      timeZone: 'Europe/London',
      layers: [{ name: 'Weekly', participants: [ids.bob], rotation: { unit: 'weeks', length: 1 }, handoffTime: '09:00', startDate: '2026-01-05' }],
    });
    expect(schedule.statusCode).toBe(201);
    ids.primary = schedule.json().id;
    responder = await app.tokenFor('responder');
    viewer = await app.tokenFor('viewer');
  });
  afterAll(async () => app?.close());

  const policyBody = (name: string) => ({
    name,
    description: 'Payments out of hours',
    repeat: 1,
    levels: [
      { delayMinutes: 5, targets: [{ type: 'user', id: 'ann@example.com' }] },
      { delayMinutes: 10, targets: [{ type: 'schedule', id: 'Primary' }, { type: 'user', id: ids.bob }] },
    ],
  });

  it('creates, reads by id and name, lists, replaces and deletes a policy', async () => {
    const created = await app.api('POST', '/api/v1/escalation-policies', policyBody('Payments'));
    expect(created.statusCode).toBe(201);
    const policy = created.json();
    expect(policy).toMatchObject({
      name: 'Payments',
      repeat: 1,
      teamId: null,
      levels: [
        { delayMinutes: 5, targets: [{ type: 'user', id: ids.ann, name: 'Ann' }] },
        { delayMinutes: 10, targets: [{ type: 'schedule', id: ids.primary, name: 'Primary' }, { type: 'user', id: ids.bob, name: 'Bob' }] },
      ],
    });
    expect((await app.api('GET', `/api/v1/escalation-policies/${policy.id}`)).json().name).toBe('Payments');
    expect((await app.api('GET', '/api/v1/escalation-policies/Payments')).json().id).toBe(policy.id);
    expect((await app.api('GET', '/api/v1/escalation-policies', undefined, viewer)).json().items.map((p: { name: string }) => p.name)).toContain('Payments');

    const replaced = await app.api('PUT', `/api/v1/escalation-policies/${policy.id}`, { ...policyBody('Payments'), repeat: 0, levels: [policyBody('x').levels[1]] });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ repeat: 0, levels: [{ delayMinutes: 10 }], createdAt: policy.createdAt });

    expect((await app.api('POST', '/api/v1/escalation-policies', policyBody('Payments'))).json().code).toBe('resource.name_taken');
    expect((await app.api('DELETE', '/api/v1/escalation-policies/Payments')).statusCode).toBe(204);
    expect((await app.api('GET', `/api/v1/escalation-policies/${policy.id}`)).statusCode).toBe(404);
  });

  it.each([
    ['an unknown target id in level 2', (b: ReturnType<typeof policyBody>) => ({ ...b, levels: [b.levels[0], { delayMinutes: 5, targets: [{ type: 'user', id: 'nobody@example.com' }] }] }), 'levels[1].targets[0].id'],
    ['a delay of 0 minutes', (b: ReturnType<typeof policyBody>) => ({ ...b, levels: [{ ...b.levels[0], delayMinutes: 0 }] }), 'levels[0].delayMinutes'],
    ['no levels', (b: ReturnType<typeof policyBody>) => ({ ...b, levels: [] }), 'levels'],
    ['an undeclared webhook', (b: ReturnType<typeof policyBody>) => ({ ...b, levels: [{ delayMinutes: 5, targets: [{ type: 'webhook', id: 'bridge' }] }] }), 'levels[0].targets[0].id'],
    ['repeat 10', (b: ReturnType<typeof policyBody>) => ({ ...b, repeat: 10 }), 'repeat'],
    ['an unknown team', (b: ReturnType<typeof policyBody>) => ({ ...b, teamId: 'Nope' }), 'teamId'],
  ])('answers 422 naming the field for %s', async (_name, change, field) => {
    const answer = await app.api('POST', '/api/v1/escalation-policies', change(policyBody('Bad')));
    expect(answer.statusCode).toBe(422);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json()).toMatchObject({ code: 'validation.invalid_field', field });
  });

  it('lets viewers read, responders page, and only admins manage policies', async () => {
    expect((await app.api('POST', '/api/v1/escalation-policies', policyBody('By responder'), responder)).statusCode).toBe(403);
    await app.api('POST', '/api/v1/escalation-policies', policyBody('Auth'));
    expect((await app.api('DELETE', '/api/v1/escalation-policies/Auth', undefined, responder)).statusCode).toBe(403);
    expect((await app.api('POST', '/api/v1/pages', { message: 'help', escalationPolicyId: 'Auth' }, viewer)).json()).toMatchObject({ status: 403, code: 'auth.forbidden' });
    const paged = await app.api('POST', '/api/v1/pages', { message: 'help', escalationPolicyId: 'Auth' }, responder);
    expect(paged.statusCode).toBe(201);
    expect((await app.api('GET', `/api/v1/pages/${paged.json().id}`, undefined, viewer)).statusCode).toBe(200);
    expect((await app.api('POST', `/api/v1/pages/${paged.json().id}/acknowledge`, undefined, viewer)).statusCode).toBe(403);
    expect((await app.api('POST', `/api/v1/pages/${paged.json().id}/resolve`, undefined, responder)).statusCode).toBe(200);
  });

  it('triggers a page that records level 1 and its timer; acknowledge and resolve are idempotent, a resolved page refuses an acknowledgement', async () => {
    await app.api('POST', '/api/v1/escalation-policies', policyBody('Lifecycle'));
    const created = await app.api('POST', '/api/v1/pages', { message: 'Checkout is down', details: '5xx at 40%', escalationPolicyId: 'Lifecycle' }, responder);
    expect(created.statusCode).toBe(201);
    const page: PageView = created.json();
    expect(page).toMatchObject({
      status: 'triggered',
      message: 'Checkout is down',
      details: '5xx at 40%',
      escalationPolicy: { name: 'Lifecycle' },
      level: 1,
      cycle: 0,
      levels: 2,
      repeat: 1,
      nextEscalationAt: '2026-11-20T09:05:00.000Z',
      source: 'api',
      createdBy: { type: 'token', name: 'responder token' },
      acknowledgedBy: null,
    });
    // Neither Slack nor SMTP is configured here: Ann's notification is recorded as failed, saying why.
    expect(page.notifications).toEqual([
      expect.objectContaining({ level: 1, cycle: 0, recipient: { type: 'user', id: ids.ann, name: 'Ann' }, channel: 'email', status: 'failed', error: expect.stringContaining('not configured') }),
    ]);
    expect(page.events!.map((e) => e.kind)).toEqual(['triggered', 'notified']);

    app.clock.advance(60_000);
    const acked = await app.api('POST', `/api/v1/pages/${page.number}/acknowledge`, undefined, responder);
    expect(acked.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: { name: 'responder token' }, acknowledgedAt: '2026-11-20T09:01:00.000Z', nextEscalationAt: null });
    const again = await app.api('POST', `/api/v1/pages/${page.id}/acknowledge`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: { name: 'responder token' } });

    expect((await app.api('DELETE', '/api/v1/escalation-policies/Lifecycle')).json()).toMatchObject({ status: 409, code: 'escalation.policy_in_use' });

    const resolved = await app.api('POST', `/api/v1/pages/${page.id}/resolve`, undefined, responder);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-20T09:01:00.000Z' });
    expect((await app.api('POST', `/api/v1/pages/${page.id}/resolve`)).statusCode).toBe(200);
    expect((await app.api('POST', `/api/v1/pages/${page.id}/acknowledge`)).json()).toMatchObject({ status: 409, code: 'page.resolved' });
    const shown = (await app.api('GET', `/api/v1/pages/${page.id}`)).json();
    expect(shown.events.map((e: { kind: string }) => e.kind)).toEqual(['triggered', 'notified', 'acknowledged', 'resolved']);
    expect(shown.events[2].text).toBe('Acknowledged by responder token (API).');
    expect((await app.api('DELETE', '/api/v1/escalation-policies/Lifecycle')).statusCode).toBe(204);
    // The page keeps what it paged after its policy is gone.
    expect((await app.api('GET', `/api/v1/pages/${page.id}`)).json().target).toMatchObject({ type: 'policy', name: 'Lifecycle' });
  });

  it('a retried POST with the same Idempotency-Key answers the same page and pages no one again, even when the two race', async () => {
    const post = (key: string) =>
      app.server.inject({
        method: 'POST',
        url: '/api/v1/pages',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'idempotency-key': key },
        payload: { message: 'retried', userId: 'Ann' },
      });
    const first = await post('client-retry-1');
    const again = await post('client-retry-1');
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().notifications).toHaveLength(first.json().notifications.length);
    expect((await post('client-retry-2')).json().id).not.toBe(first.json().id);

    const raced = await Promise.all([post('client-race'), post('client-race'), post('client-race')]);
    expect(raced.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(raced.map((r) => r.json().id)).size).toBe(1);
    const rows = await app.deps.db.selectFrom('pages').select('id').where('message', '=', 'retried').execute();
    expect(rows).toHaveLength(3);
  });

  it('pages a schedule\'s on-call or a person directly, without escalation', async () => {
    const bySchedule = (await app.api('POST', '/api/v1/pages', { message: 'db', scheduleId: 'Primary' })).json();
    expect(bySchedule).toMatchObject({ scheduleId: ids.primary, escalationPolicy: null, nextEscalationAt: null, target: { type: 'schedule', name: 'Primary' } });
    expect(bySchedule.notifications.map((n: { recipient: { name: string } }) => n.recipient.name)).toEqual(['Bob']);
    const byPerson = (await app.api('POST', '/api/v1/pages', { message: 'db', userId: 'ann@example.com' })).json();
    expect(byPerson).toMatchObject({ target: { type: 'user', id: ids.ann }, nextEscalationAt: null });
    // The handoff summary's question: which open pages reached this person?
    expect((await listOpenPagesFor(app.deps, ids.bob)).map((p) => p.id)).toContain(bySchedule.id);
    expect((await listOpenPagesFor(app.deps, ids.bob)).map((p) => p.id)).not.toContain(byPerson.id);
    await app.api('POST', `/api/v1/pages/${bySchedule.id}/resolve`);
    expect((await listOpenPagesFor(app.deps, ids.bob)).map((p) => p.id)).not.toContain(bySchedule.id);
  });

  it.each([
    [{ message: 'x' }, 'escalationPolicyId'],
    [{ message: 'x', scheduleId: 'Primary', userId: 'Ann' }, 'userId'],
    [{ message: '   ', userId: 'Ann' }, 'message'],
    [{ message: 'x', scheduleId: 'Nope' }, 'scheduleId'],
    [{ message: 'x', escalationPolicyId: 'Nope' }, 'escalationPolicyId'],
    [{ message: 'x', userId: 'nobody' }, 'userId'],
    [{ message: 'x', userId: 'Ann', incidentId: 'INC-999' }, 'incidentId'],
  ])('refuses a page %j with 422 naming %s', async (body, field) => {
    const answer = await app.api('POST', '/api/v1/pages', body);
    expect(answer.statusCode).toBe(422);
    expect(answer.json().field).toBe(field);
  });

  it('lists pages newest first, filtered by status, with a cursor; mine needs a person', async () => {
    for (const message of ['first', 'second']) expect((await app.api('POST', '/api/v1/pages', { message, userId: 'Ann' })).statusCode).toBe(201);
    const open = (await app.api('GET', '/api/v1/pages?status=open&limit=1')).json();
    expect(open.items).toHaveLength(1);
    expect(['triggered', 'acknowledged']).toContain(open.items[0].status);
    expect(open.items[0].events).toBeUndefined();
    const next = (await app.api('GET', `/api/v1/pages?status=open&limit=1&cursor=${open.nextCursor}`)).json();
    expect(next.items[0].number).toBeLessThan(open.items[0].number);
    const resolved = (await app.api('GET', '/api/v1/pages?status=resolved')).json();
    expect(resolved.items.every((p: PageView) => p.status === 'resolved')).toBe(true);
    expect((await app.api('GET', '/api/v1/pages?mine=true')).json()).toMatchObject({ status: 422, field: 'mine' });
    expect((await app.api('GET', '/api/v1/pages/999999')).statusCode).toBe(404);
  });

  it('answers who is on call for an escalation policy: the people its level 1 reaches now', async () => {
    await app.api('POST', '/api/v1/escalation-policies', {
      name: 'First line',
      levels: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: 'Primary' }, { type: 'user', id: 'Ann' }] }, { delayMinutes: 5, targets: [{ type: 'user', id: 'Ann' }] }],
    });
    const answer = await app.api('GET', '/api/v1/oncall?escalationPolicy=First%20line', undefined, viewer);
    expect(answer.statusCode).toBe(200);
    expect(answer.json().escalationPolicy).toMatchObject({ name: 'First line', level: 1, people: [{ id: ids.bob, name: 'Bob' }, { id: ids.ann, name: 'Ann' }], problems: [] });
    expect(answer.json().items.map((i: { schedule: { name: string }; user: { name: string } }) => [i.schedule.name, i.user.name])).toEqual([['Primary', 'Bob']]);
    expect((await app.api('GET', '/api/v1/oncall?escalationPolicy=Nope')).json()).toMatchObject({ status: 422, field: 'escalationPolicy' });
  });

  it('documents the paging routes in OpenAPI', async () => {
    const doc = (await app.api('GET', '/api/v1/openapi.json')).json();
    for (const path of ['/api/v1/escalation-policies', '/api/v1/escalation-policies/{id}', '/api/v1/pages', '/api/v1/pages/{id}', '/api/v1/pages/{id}/acknowledge', '/api/v1/pages/{id}/resolve']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
