import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../helpers/databases.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';

describe.each(engines)('incidents API on %s', (engine) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(engine);
  });
  afterEach(async () => app.close());

  it('declares INC-1 with a Japanese title and writes the declaration to the timeline in the same change', async () => {
    const created = await app.api('POST', '/api/v1/incidents', { title: '決済APIの遅延' });
    expect(created.statusCode).toBe(201);
    const incident = created.json();
    expect(incident).toMatchObject({ number: 1, reference: 'INC-1', title: '決済APIの遅延', status: 'triage', severity: 'SEV4' });

    const timeline = await app.api('GET', `/api/v1/incidents/${incident.id}/timeline`);
    expect(timeline.json().items).toEqual([
      expect.objectContaining({
        kind: 'incident.declared',
        actor: { type: 'token', id: null, name: 'HIKESHI_ADMIN_TOKEN' },
        payload: { title: '決済APIの遅延', severity: 'SEV4', status: 'triage' },
      }),
    ]);
  });

  it('numbers concurrent declarations without gaps or duplicates', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => app.api('POST', '/api/v1/incidents', { title: `incident ${i}` })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    expect(answers.map((a) => a.json().number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('finds an incident by id, by reference and by number', async () => {
    const { id } = (await app.api('POST', '/api/v1/incidents', { title: 'a' })).json();
    for (const key of [id, 'INC-1', 'inc-1', '1']) {
      const answer = await app.api('GET', `/api/v1/incidents/${key}`);
      expect(answer.statusCode, key).toBe(200);
      expect(answer.json().id).toBe(id);
    }
  });

  it('records every change of status, severity, role, field and service on the timeline, and nothing for a repeated change', async () => {
    const commander = await addUser(app.deps, 'Aiko');
    const service = (await app.api('POST', '/api/v1/services', { name: 'payments', tier: 1 })).json();
    await app.api('POST', '/api/v1/incidents', { title: 'Checkout errors' });
    app.clock.advance(60_000);
    const change = {
      status: 'investigating',
      severity: 'SEV2',
      roles: { commander: commander.id },
      summary: 'Card payments fail',
      services: ['payments'],
    };
    const patched = await app.api('PATCH', '/api/v1/incidents/INC-1', change);
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      status: 'investigating',
      severity: 'SEV2',
      roles: { commander: { id: commander.id, name: 'Aiko' } },
      services: [{ id: service.id, name: 'payments' }],
      acknowledgedAt: '2026-11-20T09:01:00.000Z',
    });
    const again = await app.api('PATCH', '/api/v1/incidents/INC-1', change);
    expect(again.statusCode).toBe(200);

    const kinds = (await app.api('GET', '/api/v1/incidents/INC-1/timeline')).json().items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['incident.declared', 'field.changed', 'severity.changed', 'services.changed', 'role.assigned', 'status.changed']);
    const roleEvent = (await app.api('GET', '/api/v1/incidents/INC-1/timeline')).json().items[4];
    expect(roleEvent.payload).toMatchObject({ role: 'commander', from: null, to: commander.id, toName: 'Aiko' });
  });

  it('refuses a forbidden transition with 409 and names the allowed moves', async () => {
    await app.api('POST', '/api/v1/incidents', { title: 'x' });
    await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'resolved' });
    await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'closed' });
    const answer = await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'investigating' });
    expect(answer.statusCode).toBe(409);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json()).toMatchObject({ code: 'incident.invalid_transition', allowed: [] });
    expect(answer.json().detail).toContain('closed');
  });

  it('sets the mitigation and resolution times on resolve and clears them on reopen', async () => {
    await app.api('POST', '/api/v1/incidents', { title: 'x' });
    app.clock.advance(5 * 60_000);
    const resolved = (await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'resolved' })).json();
    expect(resolved).toMatchObject({ mitigatedAt: '2026-11-20T09:05:00.000Z', resolvedAt: '2026-11-20T09:05:00.000Z' });
    const reopened = (await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'investigating' })).json();
    expect(reopened).toMatchObject({ status: 'investigating', mitigatedAt: null, resolvedAt: null });
  });

  it('adds notes and status updates by people', async () => {
    await app.api('POST', '/api/v1/incidents', { title: 'x' });
    const note = await app.api('POST', '/api/v1/incidents/INC-1/timeline', { kind: 'note', body: 'ロールバック開始' });
    expect(note.statusCode).toBe(201);
    const update = await app.api('POST', '/api/v1/incidents/INC-1/timeline', { kind: 'status_update', body: 'Rolled back' });
    expect(update.json()).toMatchObject({ kind: 'status_update', payload: { body: 'Rolled back', status: 'triage' } });
    const refused = await app.api('POST', '/api/v1/incidents/INC-1/timeline', { kind: 'status.changed', body: 'forged' });
    expect(refused.statusCode).toBe(400);
  });

  it('filters by status, severity, service and a time range given without milliseconds, and pages with a cursor', async () => {
    await app.api('POST', '/api/v1/services', { name: 'api' });
    for (let i = 1; i <= 7; i++) {
      app.clock.advance(3_600_000);
      await app.api('POST', '/api/v1/incidents', {
        title: `incident ${i}`,
        severity: i % 2 ? 'SEV1' : 'SEV3',
        services: i <= 3 ? ['api'] : [],
      });
    }
    await app.api('PATCH', '/api/v1/incidents/INC-2', { status: 'investigating' });

    const numbers = async (query: string) =>
      (await app.api('GET', `/api/v1/incidents?${query}`)).json().items.map((i: { number: number }) => i.number);
    expect(await numbers('severity=SEV1')).toEqual([7, 5, 3, 1]);
    expect(await numbers('status=investigating')).toEqual([2]);
    expect(await numbers('status=triage,investigating&service=api')).toEqual([3, 2, 1]);
    expect(await numbers('declaredFrom=2026-11-20T12:00:00Z&declaredTo=2026-11-20T14:00:00Z')).toEqual([4, 3]);
    expect(await numbers('q=INCIDENT%206')).toEqual([6]);

    const first = (await app.api('GET', '/api/v1/incidents?limit=3')).json();
    expect(first.items.map((i: { number: number }) => i.number)).toEqual([7, 6, 5]);
    const second = (await app.api('GET', `/api/v1/incidents?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { number: number }) => i.number)).toEqual([4, 3, 2]);
    const last = (await app.api('GET', `/api/v1/incidents?limit=3&cursor=${second.nextCursor}`)).json();
    expect(last).toMatchObject({ items: [expect.objectContaining({ number: 1 })], nextCursor: null });
  });

  it('treats % and _ in a search as plain characters', async () => {
    await app.api('POST', '/api/v1/incidents', { title: '100% CPU' });
    await app.api('POST', '/api/v1/incidents', { title: '1000 CPUs' });
    const items = (await app.api('GET', '/api/v1/incidents?q=100%25')).json().items;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['100% CPU']);
  });

  it('searches summaries as well as titles, in Japanese too', async () => {
    await app.api('POST', '/api/v1/incidents', { title: 'Checkout slow', summary: '決済APIのp99が3秒' });
    await app.api('POST', '/api/v1/incidents', { title: 'Login errors' });
    const items = (await app.api('GET', `/api/v1/incidents?q=${encodeURIComponent('決済')}`)).json().items;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['Checkout slow']);
  });

  it('uses the configured severities', async () => {
    await app.close();
    app = await startTestApp(engine, { settings: { ...(await import('../../src/config/settings.js')).DEFAULT_SETTINGS, severities: ['P1', 'P2'] } });
    expect((await app.api('POST', '/api/v1/incidents', { title: 'x' })).json().severity).toBe('P2');
    const refused = await app.api('POST', '/api/v1/incidents', { title: 'x', severity: 'SEV1' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ field: 'severity', detail: 'severity: must be one of P1, P2 (got "SEV1")' });
  });
});
