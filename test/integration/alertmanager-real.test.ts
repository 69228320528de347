import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { engines } from '../helpers/databases.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';
import { freePort } from '../helpers/server-process.js';

/** Debian's Alertmanager (`apt-get install prometheus-alertmanager`; .ci/run installs it). */
const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';
const present = existsSync(ALERTMANAGER);
if (!present) console.warn(`alertmanager-real: ${ALERTMANAGER} is not installed; the real Alertmanager tests are skipped (apt-get install prometheus-alertmanager)`);

interface Alertmanager {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a real Alertmanager whose one receiver is a Hikeshi webhook URL; HA gossip off. */
async function startAlertmanager(webhookUrl: string): Promise<Alertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'hikeshi-alertmanager-'));
  const config = join(dir, 'alertmanager.yml');
  writeFileSync(
    config,
    [
      'route:',
      '  receiver: hikeshi',
      "  group_by: ['alertname']",
      '  group_wait: 1s',
      '  group_interval: 1s',
      '  repeat_interval: 2s',
      'receivers:',
      '  - name: hikeshi',
      '    webhook_configs:',
      `      - url: ${JSON.stringify(webhookUrl)}`,
      '        send_resolved: true',
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    ALERTMANAGER,
    [`--config.file=${config}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`alertmanager exited with ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`alertmanager did not become ready within 30 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, output: () => output, stop };
}

describe.each(engines)('a real Alertmanager firing and resolving into Hikeshi (%s)', (engine) => {
  let app: TestApp;
  let runner: JobRunner;
  let alertmanager: Alertmanager | undefined;
  let policyId = '';

  beforeAll(async () => {
    app = await startTestApp(engine);
    runner = new JobRunner({ database: app.database, clock: app.clock, handlers: createJobHandlers({ deps: app.deps }), random: () => 0.5 });
    await addUser(app.deps, 'Ann');
    const policy = await app.api('POST', '/api/v1/escalation-policies', {
      name: 'Checkout on-call',
      repeat: 0,
      levels: [{ delayMinutes: 5, targets: [{ type: 'user', id: 'ann@example.com' }] }],
    });
    policyId = policy.json().id;
    expect((await app.api('POST', '/api/v1/services', { name: 'checkout', escalationPolicy: 'Checkout on-call' })).statusCode).toBe(201);
    const integration = await app.api('POST', '/api/v1/integrations', {
      name: 'prometheus',
      kind: 'alertmanager',
      routes: [{ when: { field: 'alert.labels.severity', op: 'eq', value: 'critical' }, service: 'checkout', action: 'page' }],
    });
    expect(integration.statusCode).toBe(201);
    if (!present) return;
    const address = await app.server.listen({ port: 0, host: '127.0.0.1' });
    alertmanager = await startAlertmanager(`${address}/hooks/${integration.json().token}`);
  }, 60_000);
  afterAll(async () => {
    await alertmanager?.stop();
    await app?.close();
  });

  /** Runs due jobs until `check` holds (Alertmanager delivers on its own timers), or fails after `ms`. */
  async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      await runner.runDue();
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; alertmanager said: ${alertmanager?.output() || '(nothing)'}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const postAlert = async (endsAt?: Date) => {
    const res = await fetch(`${alertmanager!.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          labels: { alertname: 'CheckoutDown', service: 'checkout', severity: 'critical', instance: 'checkout-1' },
          annotations: { summary: 'Checkout is not answering its health check' },
          generatorURL: 'http://prometheus.example.org/graph?g0.expr=up%7Bjob%3D%22checkout%22%7D+%3D%3D+0',
          ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
        },
      ]),
    });
    expect(res.status).toBe(200);
  };
  const alerts = () => app.deps.db.selectFrom('alerts').selectAll().orderBy('number').execute();

  it.skipIf(!present)(
    'a firing alert delivered again and again opens one alert that pages the service’s escalation policy; its resolution resolves alert and page',
    async () => {
      await postAlert();
      const repeated = await until('a repeated delivery', async () => {
        const rows = await alerts();
        return rows.length === 1 && rows[0]!.occurrences >= 2 ? rows : undefined;
      });
      expect(repeated).toHaveLength(1);
      const [alert] = repeated;
      expect(alert).toMatchObject({ status: 'firing', source: 'alertmanager', severity: 'critical', title: 'CheckoutDown' });
      expect(alert!.page_id).not.toBeNull();
      const page = await app.deps.db.selectFrom('pages').selectAll().where('id', '=', alert!.page_id!).executeTakeFirstOrThrow();
      expect(page).toMatchObject({ status: 'triggered', escalation_policy_id: policyId, source: 'alert', request_key: `alert:${alert!.id}` });
      expect(await app.deps.db.selectFrom('pages').select('id').execute()).toHaveLength(1);

      await postAlert(new Date(Date.now() - 1_000));
      const resolved = await until('the resolved delivery', async () => {
        const row = (await alerts())[0]!;
        const paged = await app.deps.db.selectFrom('pages').select('status').where('id', '=', alert!.page_id!).executeTakeFirstOrThrow();
        return row.status === 'resolved' && paged.status === 'resolved' ? row : undefined;
      });
      expect(resolved).toMatchObject({ id: alert!.id, status: 'resolved', open_key: null });
      expect(await alerts()).toHaveLength(1);
      const kinds = (await app.deps.db.selectFrom('alert_events').select('kind').where('alert_id', '=', alert!.id).orderBy('id').execute()).map((e) => e.kind);
      expect(kinds.slice(0, 3)).toEqual(['triggered', 'routed', 'paged']);
      expect(kinds).toContain('repeated');
      expect(kinds.slice(-2)).toEqual(['resolved', 'page_resolved']);
    },
    90_000,
  );
});
