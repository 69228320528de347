import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { openDatabase, type DatabaseHandle } from '../../src/store/database.js';
import { decodeJson } from '../../src/store/json.js';
import type { Deps } from '../../src/usecases/deps.js';
import { ManualClock } from '../../src/clock.js';
import { engines } from '../helpers/databases.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';

const ROUTES = [
  { when: { field: 'alert.labels.route', op: 'eq', value: 'page' }, service: 'checkout', action: 'page' },
  { when: { field: 'alert.labels.route', op: 'eq', value: 'page-unset' }, service: 'payments', action: 'page' },
  { when: { field: 'alert.labels.route', op: 'eq', value: 'declare' }, service: 'payments', action: 'declare' },
  { when: { field: 'alert.labels.route', op: 'eq', value: 'burst' }, service: 'search', action: 'declare' },
  { when: { field: 'alert.labels.route', op: 'eq', value: 'nowhere' }, service: 'no-such-service', action: 'attach' },
];

interface GenericAlert {
  title: string;
  dedupKey: string;
  status?: 'firing' | 'acknowledged' | 'resolved';
  severity?: string;
  labels?: Record<string, string>;
}

describe.each(engines)('alert routing (%s)', (engine) => {
  let app: TestApp;
  let runner: JobRunner;
  let token: string;
  const ids = { checkout: '', payments: '', search: '', policy: '' };

  beforeAll(async () => {
    app = await startTestApp(engine);
    runner = new JobRunner({ database: app.database, clock: app.clock, handlers: createJobHandlers({ deps: app.deps }), random: () => 0.5 });
    await addUser(app.deps, 'Ann');
    const policy = await app.api('POST', '/api/v1/escalation-policies', {
      name: 'Checkout on-call',
      repeat: 0,
      levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: 'ann@example.com' }] }],
    });
    expect(policy.statusCode).toBe(201);
    ids.policy = policy.json().id;
    for (const name of ['checkout', 'payments', 'search'] as const) {
      const res = await app.api('POST', '/api/v1/services', { name, tier: name === 'payments' ? 1 : 2, ...(name === 'checkout' ? { escalationPolicy: 'Checkout on-call' } : {}) });
      expect(res.statusCode).toBe(201);
      ids[name] = res.json().id;
    }
    const integration = await app.api('POST', '/api/v1/integrations', { name: 'monitors', kind: 'generic', routes: ROUTES });
    expect(integration.statusCode).toBe(201);
    token = integration.json().token;
  });
  afterAll(async () => app?.close());

  const send = async (...alerts: GenericAlert[]) => {
    const res = await app.server.inject({ method: 'POST', url: `/hooks/${token}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ alerts }) });
    expect(res.statusCode).toBe(202);
    return res.json() as { alerts: { id?: string; dedupKey: string; status: string }[] };
  };
  const alertRow = (dedupKey: string) => app.deps.db.selectFrom('alerts').selectAll().where('dedup_key', '=', dedupKey).orderBy('number', 'desc').executeTakeFirstOrThrow();
  const alertEvents = async (alertId: string) =>
    (await app.deps.db.selectFrom('alert_events').select(['kind', 'detail']).where('alert_id', '=', alertId).orderBy('id').execute()).map((e) => ({
      kind: e.kind,
      detail: e.detail ? decodeJson<Record<string, unknown>>(e.detail) : null,
    }));
  const page = (id: string) => app.deps.db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const pageEvents = async (id: string) => (await app.deps.db.selectFrom('page_events').select('kind').where('page_id', '=', id).orderBy('id').execute()).map((e) => e.kind);
  const timeline = async (incidentId: string) =>
    (await app.deps.db.selectFrom('timeline_events').select(['kind', 'payload', 'actor_name']).where('incident_id', '=', incidentId).orderBy('id').execute()).map((e) => ({
      kind: e.kind,
      actor: e.actor_name,
      payload: decodeJson<Record<string, unknown>>(e.payload),
    }));
  const incidentsOf = async (serviceId: string) =>
    app.deps.db
      .selectFrom('incidents')
      .innerJoin('incident_services', 'incident_services.incident_id', 'incidents.id')
      .select(['incidents.id', 'incidents.status', 'incidents.severity', 'incidents.title'])
      .where('incident_services.service_id', '=', serviceId)
      .execute();

  it('pages the service’s escalation policy once; a second alert for the service joins the open page; the page resolves with its last alert', async () => {
    await send({ title: 'Checkout 5xx above 5%', dedupKey: 'checkout-5xx', severity: 'critical', labels: { route: 'page' } });
    await runner.runDue();
    const first = await alertRow('checkout-5xx');
    expect(first).toMatchObject({ service_id: ids.checkout, routed_status: 'firing', incident_id: null });
    expect(first.page_id).not.toBeNull();
    const paged = await page(first.page_id!);
    expect(paged).toMatchObject({ status: 'triggered', escalation_policy_id: ids.policy, source: 'alert', request_key: `alert:${first.id}`, message: '[critical] Checkout 5xx above 5%' });
    expect((await alertEvents(first.id)).map((e) => e.kind)).toEqual(['triggered', 'routed', 'paged']);
    expect((await alertEvents(first.id))[1]!.detail).toMatchObject({ service: 'checkout', action: 'page', rule: 0 });

    await send({ title: 'Checkout latency p99 above 2s', dedupKey: 'checkout-latency', labels: { route: 'page' } });
    await runner.runDue();
    const second = await alertRow('checkout-latency');
    expect(second.page_id).toBe(first.page_id);
    expect(await app.deps.db.selectFrom('pages').select('id').where('source', '=', 'alert').where('escalation_policy_id', '=', ids.policy).execute()).toHaveLength(1);
    expect(await pageEvents(paged.id)).toContain('alert_attached');
    expect((await alertEvents(second.id)).map((e) => e.kind)).toEqual(['triggered', 'routed', 'attached']);

    await send({ title: 'Checkout 5xx above 5%', dedupKey: 'checkout-5xx', status: 'resolved' });
    await runner.runDue();
    expect((await page(paged.id)).status).toBe('triggered');
    await send({ title: 'Checkout latency p99 above 2s', dedupKey: 'checkout-latency', status: 'resolved' });
    await runner.runDue();
    expect(await page(paged.id)).toMatchObject({ status: 'resolved', resolved_at: app.clock.now().toISOString() });
    expect((await alertEvents(second.id)).map((e) => e.kind)).toEqual(['triggered', 'routed', 'attached', 'resolved', 'page_resolved']);
    expect((await pageEvents(paged.id)).at(-1)).toBe('resolved');

    // The next alert after the page resolved pages again: a new page, not the resolved one.
    await send({ title: 'Checkout 5xx above 5%', dedupKey: 'checkout-5xx', labels: { route: 'page' } });
    await runner.runDue();
    const again = await alertRow('checkout-5xx');
    expect(again.id).not.toBe(first.id);
    expect(again.page_id).not.toBe(paged.id);
    expect((await page(again.page_id!)).status).toBe('triggered');
    await send({ title: 'Checkout 5xx above 5%', dedupKey: 'checkout-5xx', status: 'resolved' });
    await runner.runDue();
    expect((await page(again.page_id!)).status).toBe('resolved');
  });

  it('a page route for a service without an escalation policy stores the alert and says why on its timeline', async () => {
    await send({ title: 'Payments queue backlog', dedupKey: 'payments-backlog', labels: { route: 'page-unset' } });
    await runner.runDue();
    const alert = await alertRow('payments-backlog');
    expect(alert).toMatchObject({ service_id: ids.payments, page_id: null, incident_id: null });
    expect((await alertEvents(alert.id)).map((e) => e.kind)).toEqual(['triggered', 'routed', 'not_paged']);
    await send({ title: 'Payments queue backlog', dedupKey: 'payments-backlog', status: 'resolved' });
    await runner.runDue();
  });

  it('declares one incident for the service with the rule quoted, attaches the next alert and service-labelled alerts, and only notes when all alerts resolved', async () => {
    await send({ title: 'Card authorisations failing', dedupKey: 'card-auth', severity: 'critical', labels: { route: 'declare' } });
    await runner.runDue();
    const first = await alertRow('card-auth');
    const [incident, ...others] = await incidentsOf(ids.payments);
    expect(others).toEqual([]);
    expect(incident).toMatchObject({ status: 'triage', title: 'Card authorisations failing' });
    expect(first.incident_id).toBe(incident!.id);
    const declared = await timeline(incident!.id);
    expect(declared.map((e) => e.kind)).toEqual(['incident.declared', 'alert.declared']);
    expect(declared[1]).toMatchObject({
      actor: `Alert #${first.number}`,
      payload: { alertId: first.id, alertNumber: first.number, rule: 2, route: ROUTES[2], severity: incident!.severity },
    });
    expect((await alertEvents(first.id)).map((e) => e.kind)).toEqual(['triggered', 'routed', 'declared']);

    await send(
      { title: 'Card refunds slow', dedupKey: 'card-refunds', labels: { route: 'declare' } },
      { title: 'Payments DB replica lag', dedupKey: 'payments-lag', labels: { service: 'payments' } },
    );
    await runner.runDue();
    expect(await incidentsOf(ids.payments)).toHaveLength(1);
    const refunds = await alertRow('card-refunds');
    const lag = await alertRow('payments-lag');
    expect([refunds.incident_id, lag.incident_id]).toEqual([incident!.id, incident!.id]);
    expect((await alertEvents(lag.id))[1]!.detail).toMatchObject({ service: 'payments', action: 'attach', rule: null, via: 'service label' });
    const attached = (await timeline(incident!.id)).filter((e) => e.kind === 'alert.attached');
    expect(attached.map((e) => [e.payload.alertNumber, e.payload.action])).toEqual([
      [refunds.number, 'declare'],
      [lag.number, 'attach'],
    ]);

    await send({ title: 'Card authorisations failing', dedupKey: 'card-auth', status: 'resolved' }, { title: 'Card refunds slow', dedupKey: 'card-refunds', status: 'resolved' });
    await runner.runDue();
    expect((await timeline(incident!.id)).filter((e) => e.kind.startsWith('alert.')).map((e) => e.kind).slice(-2)).toEqual(['alert.resolved', 'alert.resolved']);
    await send({ title: 'Payments DB replica lag', dedupKey: 'payments-lag', status: 'resolved' });
    await runner.runDue();
    const after = await timeline(incident!.id);
    expect(after.at(-1)).toMatchObject({ kind: 'alert.all_resolved', payload: { alerts: 3 } });
    expect(after.filter((e) => e.kind === 'alert.all_resolved')).toHaveLength(1);
    expect((await incidentsOf(ids.payments))[0]!.status).toBe('triage');
  });

  it('an alert whose route names no service, or with no route and no service label, is stored unrouted', async () => {
    await send({ title: 'Somewhere', dedupKey: 'nowhere', labels: { route: 'nowhere' } }, { title: 'Unlabelled', dedupKey: 'unlabelled' });
    await runner.runDue();
    const nowhere = await alertRow('nowhere');
    const unlabelled = await alertRow('unlabelled');
    for (const alert of [nowhere, unlabelled]) expect(alert).toMatchObject({ service_id: null, page_id: null, incident_id: null, routed_status: 'firing' });
    expect((await alertEvents(nowhere.id))[1]).toEqual({ kind: 'routed', detail: { outcome: 'unrouted', reason: 'no service named "no-such-service"' } });
    expect((await alertEvents(unlabelled.id))[1]).toEqual({ kind: 'routed', detail: { outcome: 'unrouted', reason: 'no route matched and no service label' } });
  });

  it('a retried or duplicated routing job pages once', async () => {
    await send({ title: 'Checkout cart errors', dedupKey: 'cart-errors', labels: { route: 'page' } });
    const job = await app.deps.db.selectFrom('jobs').select('payload').where('kind', '=', 'alerts.routeAlerts').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const payload = decodeJson<{ alertIds: string[] }>(job.payload);
    const handler = createJobHandlers({ deps: app.deps })['alerts.routeAlerts'];
    const ctx = (jobId: number) => ({ jobId, kind: 'alerts.routeAlerts', attempt: 2, maxAttempts: 10, now: app.clock.now(), database: app.database, signal: new AbortController().signal });
    // The job ran, then its worker died before marking it done: the runner runs it again, and a second copy races it.
    await handler(payload, ctx(1));
    await Promise.all([handler(payload, ctx(1)), runner.runDue()]);
    const alert = await alertRow('cart-errors');
    expect(await app.deps.db.selectFrom('pages').select('id').where('request_key', '=', `alert:${alert.id}`).execute()).toHaveLength(1);
    expect((await alertEvents(alert.id)).map((e) => e.kind)).toEqual(['triggered', 'routed', 'paged']);
    await send({ title: 'Checkout cart errors', dedupKey: 'cart-errors', status: 'resolved' });
    await runner.runDue();
  });

  it('alerts API: list with filters, show with its timeline, acknowledge and resolve carried to the page; viewers read only', async () => {
    await send({ title: 'Checkout webhook timeouts', dedupKey: 'webhook-timeouts', severity: 'error', labels: { route: 'page' } }, { title: 'Checkout webhook retries', dedupKey: 'webhook-retries' });
    await runner.runDue();
    const list = await app.api('GET', '/api/v1/alerts?status=open&service=checkout&q=WEBHOOK');
    expect(list.statusCode).toBe(200);
    const [item, ...rest] = list.json().items;
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ title: 'Checkout webhook timeouts', status: 'firing', service: { id: ids.checkout, name: 'checkout' }, integration: { name: 'monitors', kind: 'generic' } });
    expect(item.page.number).toBeGreaterThan(0);
    expect(item).not.toHaveProperty('lastPayload');
    const firstPage = (await app.api('GET', '/api/v1/alerts?integration=monitors&q=webhook&limit=1')).json();
    expect(firstPage).toMatchObject({ items: [{ title: 'Checkout webhook retries' }], nextCursor: expect.any(String) });
    expect((await app.api('GET', `/api/v1/alerts?integration=monitors&q=webhook&limit=1&cursor=${firstPage.nextCursor}`)).json()).toMatchObject({ items: [{ id: item.id }] });
    expect((await app.api('GET', '/api/v1/alerts?service=nope')).json()).toMatchObject({ code: 'validation.invalid_field', field: 'service[0]' });

    const shown = await app.api('GET', `/api/v1/alerts/${item.number}`);
    expect(shown.json()).toMatchObject({ id: item.id, lastPayload: { title: 'Checkout webhook timeouts' } });
    expect(shown.json().events.map((e: { kind: string }) => e.kind)).toEqual(['triggered', 'routed', 'paged']);

    const viewer = await app.tokenFor('viewer');
    expect((await app.api('GET', `/api/v1/alerts/${item.id}`, undefined, viewer)).statusCode).toBe(200);
    expect((await app.api('POST', `/api/v1/alerts/${item.id}/acknowledge`, undefined, viewer)).statusCode).toBe(403);
    expect((await app.api('POST', '/api/v1/alerts/999999/acknowledge')).statusCode).toBe(404);

    const acked = await app.api('POST', `/api/v1/alerts/${item.id}/acknowledge`);
    expect(acked.json()).toMatchObject({ status: 'acknowledged', acknowledgedAt: app.clock.now().toISOString() });
    expect(acked.json().events.at(-1)).toMatchObject({ kind: 'acknowledged', actor: { type: 'token', name: 'HIKESHI_ADMIN_TOKEN' } });
    await runner.runDue();
    expect((await page(item.page.id)).status).toBe('acknowledged');

    expect((await app.api('POST', `/api/v1/alerts/${item.id}/resolve`)).json().status).toBe('resolved');
    expect((await app.api('POST', `/api/v1/alerts/${item.id}/resolve`)).statusCode).toBe(200);
    await runner.runDue();
    expect((await page(item.page.id)).status).toBe('resolved');
    expect((await alertEvents(item.id)).map((e) => e.kind)).toEqual(['triggered', 'routed', 'paged', 'acknowledged', 'page_acknowledged', 'resolved', 'page_resolved']);
    const refused = await app.api('POST', `/api/v1/alerts/${item.id}/acknowledge`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'alert.resolved']);
  });

  it('services take an escalation policy by name or id, and refuse an unknown one naming the field', async () => {
    const changed = await app.api('PATCH', `/api/v1/services/${ids.search}`, { escalationPolicy: ids.policy });
    expect(changed.json()).toMatchObject({ escalationPolicyId: ids.policy });
    expect((await app.api('PATCH', `/api/v1/services/${ids.search}`, { escalationPolicy: null })).json()).toMatchObject({ escalationPolicyId: null });
    const refused = await app.api('PATCH', `/api/v1/services/${ids.search}`, { escalationPolicy: 'Nobody on-call' });
    expect([refused.statusCode, refused.json().field]).toEqual([422, 'escalationPolicy']);
  });

  describe('a burst of 50 alerts for one service', () => {
    let second: DatabaseHandle;
    let secondDeps: Deps;
    beforeAll(async () => {
      // SQLite: one process has one connection (better-sqlite3 busy-waits synchronously, so a
      // second handle in the same process would stall the first); its transactions are
      // serialised. Postgres: a second instance with its own pool, connected before the race.
      second = engine === 'sqlite' ? app.database : openDatabase(app.database.url, { poolSize: 4 });
      await second.db.selectFrom('services').select('id').execute();
      secondDeps = { db: second.db, engine, clock: new ManualClock(app.clock.now()), settings: DEFAULT_SETTINGS };
    });
    afterAll(async () => (second === app.database ? undefined : second?.db.destroy()));

    it('declares ONE incident when the batches are routed by two runners at once', async () => {
      // One job per claim: each runner takes a batch while the other routes one, on its own connection pool.
      const runners = [
        new JobRunner({ database: app.database, clock: app.clock, handlers: createJobHandlers({ deps: app.deps }), batchSize: 1, random: () => 0.5 }),
        new JobRunner({ database: second, clock: secondDeps.clock, handlers: createJobHandlers({ deps: secondDeps }), batchSize: 1, random: () => 0.5 }),
      ];
      for (let batch = 0; batch < 5; batch += 1) {
        await send(...Array.from({ length: 10 }, (_, i) => ({ title: `Search shard ${batch * 10 + i} down`, dedupKey: `shard-${batch * 10 + i}`, labels: { route: 'burst' } })));
      }
      await Promise.all(runners.map((r) => r.runDue()));
      await Promise.all(runners.map((r) => r.runDue()));

      const [incident, ...more] = await incidentsOf(ids.search);
      expect(more).toEqual([]);
      const burst = await app.deps.db.selectFrom('alerts').select(['incident_id', 'routed_status']).where('dedup_key', 'like', 'shard-%').execute();
      expect(burst).toHaveLength(50);
      expect(new Set(burst.map((a) => a.incident_id))).toEqual(new Set([incident!.id]));
      const entries = (await timeline(incident!.id)).map((e) => e.kind);
      expect(entries.filter((k) => k === 'alert.declared')).toHaveLength(1);
      expect(entries.filter((k) => k === 'alert.attached')).toHaveLength(49);
      expect(await app.deps.db.selectFrom('jobs').select('id').where('kind', '=', 'alerts.routeAlerts').where('status', '<>', 'succeeded').execute()).toEqual([]);
    });
  });
});
