import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { decodeJson } from '../../src/store/json.js';
import { listRollups } from '../../src/store/repositories/sli-data.js';
import { loadSlos } from '../../src/usecases/slos/load-slos.js';
import { scheduleBurnEvaluation } from '../../src/usecases/slos/sli-timers.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';
import { engines } from '../helpers/databases.js';

const NOW = Date.parse('2026-11-20T09:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const checkoutFile = `id: checkout-availability
service: checkout
name: Checkout availability
objective: 99
window: 7d
sli:
  push: true
`;
const unknownServiceFile = `id: search-latency
service: search
objective: 99.5
window: 28d
sli:
  type: latency
  threshold: 300ms
  push: true
`;
const brokenFile = `id: payments
service: checkout
objective: 100
window: 28d
sli: { push: true }
`;
const openslo = `apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-latency }
spec:
  service: checkout
  indicator:
    metadata: { name: checkout-latency-sli }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'sum(increase(http_request_duration_seconds_bucket{le="0.3"}[1m]))' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'sum(increase(http_request_duration_seconds_count[1m]))' } } }
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.995 }]
`;

describe.each(engines)('SLOs API (%s)', (engine) => {
  let app: TestApp;
  let runner: JobRunner;
  let folder: string;
  const logged: Array<{ level: string; message: string }> = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'hikeshi-slos-'));
    mkdirSync(join(folder, 'slos'));
    writeFileSync(join(folder, 'slos', 'checkout.yaml'), checkoutFile);
    writeFileSync(join(folder, 'slos', 'search.yaml'), unknownServiceFile);
    writeFileSync(join(folder, 'slos', 'zz-broken.yaml'), brokenFile);
    app = await startTestApp(engine, { settings: { ...DEFAULT_SETTINGS, slos: join(folder, 'slos') } });
    runner = new JobRunner({ database: app.database, clock: app.clock, handlers: createJobHandlers({ deps: app.deps }), random: () => 0.5 });
    app.clock.set(new Date(NOW));
    await addUser(app.deps, 'Ann');
    const policy = await app.api('POST', '/api/v1/escalation-policies', { name: 'Checkout on-call', repeat: 0, levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: 'ann@example.com' }] }] });
    expect(policy.statusCode).toBe(201);
    expect((await app.api('POST', '/api/v1/services', { name: 'checkout', escalationPolicy: 'Checkout on-call' })).statusCode).toBe(201);
    const log = (level: string) => (_fields: unknown, message: string) => logged.push({ level, message });
    app.deps.logger = { info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') } as unknown as NonNullable<typeof app.deps.logger>;
    await loadSlos(app.deps);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const push = (id: string, buckets: unknown[]) => app.api('POST', `/api/v1/slos/${id}/events`, { buckets });
  const minuteRows = (id: string) => app.deps.db.selectFrom('sli_minutes').select(['minute', 'good', 'total', 'origin']).where('slo_id', '=', id).orderBy('minute').execute();

  it('loads the slos folder: valid files in, a refused file logged with file:line and field and skipped', async () => {
    const list = await app.api('GET', '/api/v1/slos');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((s: { id: string; origin: string }) => [s.id, s.origin])).toEqual([['checkout-availability', 'file']]);
    const errors = logged.filter((l) => l.level === 'error').map((l) => l.message);
    expect(errors).toEqual([
      expect.stringMatching(/^SLO file refused: .*search\.yaml:2:\d+: service names no known service \(got "search"/),
      expect.stringMatching(/^SLO file refused: .*zz-broken\.yaml:3:\d+: objective .*100/),
    ]);
  });

  it('file SLOs are edited in their file: PUT and DELETE answer 409 naming it', async () => {
    const put = await app.api('PUT', '/api/v1/slos/checkout-availability', { service: 'checkout', objective: 99.9, window: '7d', sli: { push: true } });
    expect([put.statusCode, put.json().code]).toEqual([409, 'slo.file_managed']);
    expect(put.json().detail).toMatch(/checkout\.yaml/);
    const del = await app.api('DELETE', '/api/v1/slos/checkout-availability');
    expect([del.statusCode, del.json().code]).toEqual([409, 'slo.file_managed']);
  });

  it('creates, replaces and deletes API SLOs; refuses a 100 % target and an unknown service naming the field', async () => {
    const created = await app.api('POST', '/api/v1/slos', { id: 'checkout-api', service: 'checkout', objective: 99.5, window: 'month', timeZone: 'Asia/Tokyo', budgeting: 'timeslices', sliceTarget: 95, sli: { push: true } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'checkout-api', origin: 'api', objective: 0.995, window: { kind: 'calendar', unit: 'month', timeZone: 'Asia/Tokyo' }, budgeting: { kind: 'timeslices', sliceTarget: 0.95 } });
    const replaced = await app.api('PUT', '/api/v1/slos/checkout-api', { service: 'checkout', objective: 99, window: '28d', sli: { push: true } });
    expect([replaced.statusCode, replaced.json().objective]).toEqual([200, 0.99]);
    const full = await app.api('POST', '/api/v1/slos', { id: 'x', service: 'checkout', objective: 100, window: '28d', sli: { push: true } });
    expect([full.statusCode, full.json().code, full.json().problems[0].path]).toEqual([422, 'slo.invalid', 'objective']);
    const unknown = await app.api('POST', '/api/v1/slos', { id: 'y', service: 'nope', objective: 99, window: '28d', sli: { push: true } });
    expect([unknown.statusCode, unknown.json().problems[0].path]).toEqual([422, 'service']);
    expect((await app.api('DELETE', '/api/v1/slos/checkout-api')).statusCode).toBe(204);
    expect((await app.api('GET', '/api/v1/slos/checkout-api')).statusCode).toBe(404);
  });

  it('imports OpenSLO; a Sloth spec it cannot map is refused with file, line and field, and nothing is saved', async () => {
    const imported = await app.api('POST', '/api/v1/slos/import', { text: openslo, file: 'checkout-openslo.yaml' });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ created: ['checkout-latency'], updated: [] });
    expect(imported.json().items[0]).toMatchObject({ objective: 0.995, source: { kind: 'prometheus' }, window: { kind: 'rolling', days: 28 } });
    const sloth = 'version: prometheus/v1\nservice: checkout\nslos:\n  - name: plugin\n    objective: 99.9\n    sli:\n      plugin: { id: sloth-common/availability }\n';
    const refused = await app.api('POST', '/api/v1/slos/import', { text: sloth, file: 'sloth.yaml' });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'slo.invalid']);
    expect(refused.json().problems[0]).toMatchObject({ file: 'sloth.yaml', line: 7, path: 'slos[0].sli.plugin' });
    expect((await app.api('GET', '/api/v1/slos/checkout-plugin')).statusCode).toBe(404);
    expect((await app.api('DELETE', '/api/v1/slos/checkout-latency')).statusCode).toBe(204);
  });

  it('push validation: each refusal names buckets[i].field and why; the request is one transaction', async () => {
    const ok = { start: iso(NOW - 2 * MIN), good: 10, total: 10 };
    const cases: Array<[unknown, string, RegExp]> = [
      [{ start: iso(NOW - MIN), good: 11, total: 10 }, 'buckets[1].good', /must not exceed total/],
      [{ start: iso(NOW - MIN), good: -1, total: 10 }, 'buckets[1].good', /negative/],
      [{ start: iso(NOW - MIN), good: 1, total: 1e21 }, 'buckets[1].total', /1e20/],
      [{ start: iso(NOW - MIN + 30_000), good: 1, total: 1 }, 'buckets[1].start', /start of a minute/],
      [{ start: iso(NOW + 6 * MIN), good: 1, total: 1 }, 'buckets[1].start', /future/],
      [{ start: iso(NOW - 8 * 24 * 60 * MIN), good: 1, total: 1 }, 'buckets[1].start', /older than the SLO's window/],
    ];
    for (const [bad, field, reason] of cases) {
      const res = await push('checkout-availability', [ok, bad]);
      expect([res.statusCode, res.json().code, res.json().field]).toEqual([422, 'validation.invalid_field', field]);
      expect(res.json().detail).toMatch(reason);
    }
    expect(await minuteRows('checkout-availability')).toEqual([]);
    const notPushed = await app.api('POST', '/api/v1/slos/import', { text: openslo });
    expect(notPushed.statusCode).toBe(200);
    const wrongSource = await push('checkout-latency', [ok]);
    expect([wrongSource.statusCode, wrongSource.json().code]).toEqual([409, 'slo.not_pushed']);
    expect((await app.api('DELETE', '/api/v1/slos/checkout-latency')).statusCode).toBe(204);
  });

  it('pushed minutes are idempotent per minute, rolled up, and the status equals the hand-computed numbers', async () => {
    // 08:00–08:59: 100 events a minute, 10 of them bad at 08:10, 08:20 and 08:30.
    const hour = NOW - 60 * MIN;
    const buckets = Array.from({ length: 60 }, (_, i) => ({ start: iso(hour + i * MIN), good: [10, 20, 30].includes(i) ? 90 : 100, total: 100 }));
    expect((await push('checkout-availability', buckets)).json()).toEqual({ accepted: 60 });
    // The same minutes again (a client retry) change nothing.
    expect((await push('checkout-availability', buckets.slice(0, 30))).statusCode).toBe(200);
    const rows = await minuteRows('checkout-availability');
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.origin === 'push')).toBe(true);
    expect(await listRollups(app.deps.db, 'checkout-availability', 'hour', { start: hour, end: NOW })).toEqual([{ start: hour, good: 5970, total: 6000, bad: 30, minutesWithData: 60 }]);
    expect(await listRollups(app.deps.db, 'checkout-availability', 'day', { start: Date.parse('2026-11-20T00:00:00Z'), end: NOW })).toEqual([
      { start: Date.parse('2026-11-20T00:00:00Z'), good: 5970, total: 6000, bad: 30, minutesWithData: 60 },
    ]);

    const status = (await app.api('GET', '/api/v1/slos/checkout-availability')).json().status;
    // 99 % of 6,000 events: a budget of 60 bad events; 30 spent; attainment 5,970 / 6,000.
    expect(status.attainment).toBeCloseTo(0.995, 12);
    expect(status.budget).toBeCloseTo(60, 9);
    expect(status.consumed).toBe(30);
    expect(status.remaining).toBeCloseTo(30, 9);
    expect(status.remainingFraction).toBeCloseTo(0.5, 12);
    expect(status).toMatchObject({ unit: 'events', health: 'healthy', estimated: false, window: { start: iso(NOW - 7 * 24 * 60 * MIN), end: iso(NOW) } });
    // Error ratio over the last hour 30 / 6,000 = 0.5 % against a 1 % allowance: 0.5×; the last 5 minutes are clean.
    expect(status.burn.rates['1h']).toBeCloseTo(0.5, 12);
    expect(status.burn.rates['5m']).toBe(0);
    // The ticket pair (3 d and 6 h at 10 % of a 7-day budget: 0.1 × 168 h / 72 h = 0.233×) fires at 0.5×.
    expect(status.burn.checks.find((c: { long: string }) => c.long === '3d').threshold).toBeCloseTo(0.1 * 168 / 72, 12);
    expect(status.burn.state).toBe('ticket');

    // A corrected minute replaces the old one and its roll-ups follow.
    await push('checkout-availability', [{ start: iso(hour + 10 * MIN), good: 100, total: 100 }]);
    expect(await listRollups(app.deps.db, 'checkout-availability', 'hour', { start: hour, end: NOW })).toEqual([{ start: hour, good: 5980, total: 6000, bad: 20, minutesWithData: 60 }]);
  });

  it('estimate: incidents — minutes inside the service\'s impact windows are bad, marked estimated', async () => {
    const saved = await app.api('POST', '/api/v1/slos', { id: 'checkout-estimated', service: 'checkout', objective: 99, window: '7d', sli: { estimate: 'incidents' } });
    expect(saved.statusCode).toBe(201);
    const incident = await app.api('POST', '/api/v1/incidents', { title: 'Checkout down', services: ['checkout'] });
    expect(incident.statusCode).toBe(201);
    const patched = await app.api('PATCH', `/api/v1/incidents/${incident.json().id}`, { impactStartedAt: iso(NOW - 30 * MIN), status: 'monitoring', mitigatedAt: iso(NOW - 10 * MIN) });
    expect(patched.statusCode).toBe(200);
    await runner.runDue();
    const rows = await minuteRows('checkout-estimated');
    // The whole 7-day window up to the last complete minute: 10,079 minutes, 20 of them (08:30–08:49) bad.
    expect(rows).toHaveLength(7 * 24 * 60 - 1);
    expect(rows.filter((r) => Number(r.good) === 0).map((r) => iso(Number(r.minute)))).toEqual(Array.from({ length: 20 }, (_, i) => iso(NOW - 30 * MIN + i * MIN)));
    expect(rows.every((r) => r.origin === 'estimate' && Number(r.total) === 1)).toBe(true);
    const status = (await app.api('GET', '/api/v1/slos/checkout-estimated')).json().status;
    expect(status.estimated).toBe(true);
    expect(status.attainment).toBeCloseTo((10_079 - 20) / 10_079, 12);
    expect(status.consumed).toBe(20);
  });

  it('a fast burn raises a page on the service\'s escalation policy within one evaluation interval; recovery resolves it', async () => {
    // Only this SLO burns: the estimated one's incident minutes would page checkout too.
    await app.api('DELETE', '/api/v1/slos/checkout-estimated');
    await app.api('POST', '/api/v1/slos', { id: 'checkout-burn', service: 'checkout', name: 'Checkout burn', objective: 99, window: '30d', sli: { push: true } });
    // Three days of clean traffic, then the last 10 minutes all failing.
    const start = NOW - 3 * 24 * 60 * MIN;
    const buckets = Array.from({ length: 3 * 24 * 60 }, (_, i) => ({ start: iso(start + i * MIN), good: i >= 3 * 24 * 60 - 10 ? 0 : 100, total: 100 }));
    expect((await push('checkout-burn', buckets)).statusCode).toBe(200);
    // The burn sweep is a minute timer (planned at start): its next run, 75 s on, raises the page.
    expect(await scheduleBurnEvaluation(app.deps.db, app.clock.now())).toBe(false);
    app.clock.advance(75_000);
    await runner.runDue();
    await runner.runDue();
    const alert = await app.deps.db.selectFrom('alerts').selectAll().where('dedup_key', '=', 'slo:checkout-burn').executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ status: 'firing', severity: 'critical' });
    expect(decodeJson(alert.labels)).toEqual({ slo: 'checkout-burn', service: 'checkout', slo_burn: 'page', severity: 'critical' });
    expect(alert.title).toMatch(/^Checkout burn: burning the error budget at \d+(\.\d)?×$/);
    expect(alert.page_id).not.toBeNull();
    const page = await app.deps.db.selectFrom('pages').innerJoin('escalation_policies', 'escalation_policies.id', 'pages.escalation_policy_id').select(['pages.status', 'escalation_policies.name']).where('pages.id', '=', alert.page_id!).executeTakeFirstOrThrow();
    expect(page).toEqual({ status: 'triggered', name: 'Checkout on-call' });

    // Five clean minutes later the short windows are clean: the next sweep resolves the alert and its page.
    app.clock.set(new Date(NOW + 5 * MIN));
    await push('checkout-burn', Array.from({ length: 5 }, (_, i) => ({ start: iso(NOW + i * MIN), good: 100, total: 100 })));
    app.clock.advance(75_000);
    await runner.runDue();
    await runner.runDue();
    const resolved = await app.deps.db.selectFrom('alerts').select(['status', 'page_id']).where('id', '=', alert.id).executeTakeFirstOrThrow();
    expect(resolved.status).toBe('resolved');
    expect((await app.deps.db.selectFrom('pages').select('status').where('id', '=', alert.page_id!).executeTakeFirstOrThrow()).status).toBe('resolved');
    expect(await app.deps.db.selectFrom('slo_burn_states').select('state').where('slo_id', '=', 'checkout-burn').executeTakeFirstOrThrow()).toEqual({ state: 'ok' });
  });
});
