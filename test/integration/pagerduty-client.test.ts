import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { engines } from '../helpers/databases.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';

const ENQUEUE = '/integrations/pagerduty/v2/enqueue';

/** The Events API v2 bodies exactly as PagerDuty's documentation shows them (routing_key replaced). */
const documented = {
  trigger: {
    event_action: 'trigger',
    dedup_key: 'srv01/mysql',
    payload: {
      summary: 'DISK at 99% on machine prod-datapipe03.example.com',
      source: 'prod-datapipe03.example.com',
      severity: 'critical',
      timestamp: '2015-07-17T08:42:58.315+0000',
      component: 'mysql',
      group: 'prod-datapipe',
      class: 'disk',
      custom_details: { 'free space': '1%' },
    },
    links: [{ href: 'http://pagerduty.example.com', text: 'An example link.' }],
    client: 'Sample Monitoring Service',
    client_url: 'https://monitoring.service.com',
  },
  acknowledge: { event_action: 'acknowledge', dedup_key: 'srv01/mysql' },
  resolve: { event_action: 'resolve', dedup_key: 'srv01/mysql' },
};

/**
 * What Alertmanager's `pagerduty_configs` (Events v2) sends: `dedup_key` is the SHA-256 hex
 * of the group key (notify/util.go Key.Hash), `severity` defaults to `error`, `source` and
 * `client` to "Alertmanager", details as strings, empty images/links.
 */
function alertmanagerMessage(action: 'trigger' | 'resolve', groupKey: string) {
  const status = action === 'trigger' ? 'FIRING' : 'RESOLVED';
  return {
    dedup_key: createHash('sha256').update(groupKey).digest('hex'),
    event_action: action,
    payload: {
      summary: `[${status}:1] CheckoutDown (checkout critical)`,
      source: 'Alertmanager',
      severity: 'error',
      custom_details: {
        firing: action === 'trigger' ? 'Labels:\n - alertname = CheckoutDown\n - service = checkout\n' : '',
        num_firing: action === 'trigger' ? '1' : '0',
        num_resolved: action === 'trigger' ? '0' : '1',
        resolved: action === 'trigger' ? '' : 'Labels:\n - alertname = CheckoutDown\n - service = checkout\n',
      },
    },
    client: 'Alertmanager',
    client_url: 'http://alertmanager.example.org:9093/#/alerts?receiver=hikeshi-pd',
    images: [],
    links: [],
  };
}

describe.each(engines)('a PagerDuty Events v2 client, unchanged, against Hikeshi (%s)', (engine) => {
  let app: TestApp;
  let runner: JobRunner;
  let routingKey = '';

  beforeAll(async () => {
    app = await startTestApp(engine);
    runner = new JobRunner({ database: app.database, clock: app.clock, handlers: createJobHandlers({ deps: app.deps }), random: () => 0.5 });
    await addUser(app.deps, 'Ann');
    await app.api('POST', '/api/v1/escalation-policies', { name: 'Storage on-call', repeat: 0, levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: 'ann@example.com' }] }] });
    expect((await app.api('POST', '/api/v1/services', { name: 'storage', escalationPolicy: 'Storage on-call' })).statusCode).toBe(201);
    const integration = await app.api('POST', '/api/v1/integrations', {
      name: 'pagerduty clients',
      kind: 'pagerduty',
      routes: [{ when: { field: 'alert.source', op: 'eq', value: 'pagerduty' }, service: 'storage', action: 'page' }],
    });
    routingKey = integration.json().token;
  });
  afterAll(async () => app?.close());

  const enqueue = async (body: object) => {
    const res = await app.server.inject({ method: 'POST', url: ENQUEUE, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ routing_key: routingKey, ...body }) });
    await runner.runDue();
    return res;
  };
  const alertByKey = (dedupKey: string) => app.deps.db.selectFrom('alerts').selectAll().where('dedup_key', '=', dedupKey).orderBy('number', 'desc').executeTakeFirstOrThrow();
  const pageOf = async (dedupKey: string) =>
    app.deps.db.selectFrom('pages').selectAll().where('id', '=', (await alertByKey(dedupKey)).page_id!).executeTakeFirstOrThrow();
  const snapshot = async () => ({
    alerts: await app.deps.db.selectFrom('alerts').select(['id', 'status', 'occurrences']).orderBy('number').execute(),
    pages: await app.deps.db.selectFrom('pages').select(['id', 'status']).orderBy('number').execute(),
  });

  it('trigger → acknowledge → resolve as documented: the alert and the page it made follow, with PagerDuty’s 202 answers', async () => {
    const trigger = await enqueue(documented.trigger);
    expect([trigger.statusCode, trigger.json()]).toEqual([202, { status: 'success', message: 'Event processed', dedup_key: 'srv01/mysql' }]);
    expect(await alertByKey('srv01/mysql')).toMatchObject({ status: 'firing', severity: 'critical', source: 'pagerduty' });
    expect(await pageOf('srv01/mysql')).toMatchObject({ status: 'triggered', source: 'alert', message: '[critical] DISK at 99% on machine prod-datapipe03.example.com' });

    const ack = await enqueue(documented.acknowledge);
    expect([ack.statusCode, ack.json()]).toEqual([202, { status: 'success', message: 'Event processed', dedup_key: 'srv01/mysql' }]);
    expect(await alertByKey('srv01/mysql')).toMatchObject({ status: 'acknowledged' });
    expect(await pageOf('srv01/mysql')).toMatchObject({ status: 'acknowledged', acknowledged_at: app.clock.now().toISOString() });

    // A trigger while acknowledged (the monitor still sees the problem) pages nobody again.
    expect((await enqueue(documented.trigger)).statusCode).toBe(202);
    expect(await app.deps.db.selectFrom('pages').select('id').execute()).toHaveLength(1);

    const resolve = await enqueue(documented.resolve);
    expect([resolve.statusCode, resolve.json()]).toEqual([202, { status: 'success', message: 'Event processed', dedup_key: 'srv01/mysql' }]);
    expect(await alertByKey('srv01/mysql')).toMatchObject({ status: 'resolved', open_key: null });
    expect(await pageOf('srv01/mysql')).toMatchObject({ status: 'resolved' });
    const kinds = (await app.deps.db.selectFrom('alert_events').select('kind').where('alert_id', '=', (await alertByKey('srv01/mysql')).id).orderBy('id').execute()).map((e) => e.kind);
    expect(kinds).toEqual(['triggered', 'routed', 'paged', 'acknowledged', 'page_acknowledged', 'repeated', 'resolved', 'page_resolved']);
  });

  it('acknowledge and resolve for a dedup_key with nothing open answer 202 and change nothing', async () => {
    const before = await snapshot();
    for (const action of ['acknowledge', 'resolve'] as const) {
      const res = await enqueue({ event_action: action, dedup_key: 'never-triggered' });
      expect([res.statusCode, res.json()]).toEqual([202, { status: 'success', message: 'Event processed', dedup_key: 'never-triggered' }]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('Alertmanager’s pagerduty_config messages (dedup_key = sha256 of the group key) page once and resolve the page', async () => {
    const groupKey = '{}/{service="checkout"}:{alertname="CheckoutDown"}';
    const dedupKey = createHash('sha256').update(groupKey).digest('hex');
    const first = await enqueue(alertmanagerMessage('trigger', groupKey));
    expect(first.json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: dedupKey });
    await enqueue(alertmanagerMessage('trigger', groupKey)); // repeat_interval elapsed: the same group again
    expect(await alertByKey(dedupKey)).toMatchObject({ status: 'firing', severity: 'error', occurrences: 2 });
    expect(await pageOf(dedupKey)).toMatchObject({ status: 'triggered' });

    await enqueue(alertmanagerMessage('resolve', groupKey));
    expect(await alertByKey(dedupKey)).toMatchObject({ status: 'resolved' });
    expect(await pageOf(dedupKey)).toMatchObject({ status: 'resolved' });
  });
});
