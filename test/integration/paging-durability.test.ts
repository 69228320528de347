import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/notify/webhook.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const TOKEN = 'paging-durability-admin-token-0123';
const SECRET = 'paging-durability-webhook-secret';

interface Delivery {
  id: string;
  level: number;
  cycle: number;
  type: string;
  signed: boolean;
  at: number;
}

/** A webhook receiver that records every delivery, checking its signature. */
async function receiver(): Promise<{ url: string; deliveries: Delivery[]; server: Server }> {
  const deliveries: Delivery[] = [];
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const body = JSON.parse(raw) as { type: string; level: number; cycle: number; deliveryId: string };
      const signed = verifyWebhookSignature(SECRET, request.headers['x-hikeshi-timestamp'] as string, request.headers['x-hikeshi-signature'] as string, raw, new Date());
      deliveries.push({ id: request.headers['x-hikeshi-delivery'] as string, level: body.level, cycle: body.cycle, type: body.type, signed, at: Date.now() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`, deliveries, server };
}

async function until<T>(what: string, read: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(engines)('paging timers across kill -9 on %s', (engine) => {
  let database: TestDatabase;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let dir: string;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop('SIGKILL');
    hook.server.close();
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('notifies level 2 within seconds of a restart when it fell due while the server was down, exactly once', { timeout: 240_000 }, async () => {
    database = await createTestDatabase(engine, { migrate: false });
    hook = await receiver();
    dir = mkdtempSync(join(tmpdir(), 'hikeshi-paging-'));
    const settingsFile = join(dir, 'hikeshi.yaml');
    writeFileSync(settingsFile, `paging:\n  webhooks:\n    bridge:\n      url: ${hook.url}\n      secretEnv: PAGING_TEST_SECRET\n`);
    const env = { DATABASE_URL: database.url, HIKESHI_ADMIN_TOKEN: TOKEN, HIKESHI_CONFIG: settingsFile, PAGING_TEST_SECRET: SECRET };
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

    server = await startServerProcess(env);
    const policy = await fetch(`${server.url}/api/v1/escalation-policies`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Bridge', levels: [1, 1].map((delayMinutes) => ({ delayMinutes, targets: [{ type: 'webhook', id: 'bridge' }] })) }),
    });
    expect(policy.status).toBe(201);
    const created = await fetch(`${server.url}/api/v1/pages`, { method: 'POST', headers, body: JSON.stringify({ message: 'Checkout down', escalationPolicyId: 'Bridge' }) });
    expect(created.status).toBe(201);
    const page = (await created.json()) as { id: string; nextEscalationAt: string };
    const pagePath = `/api/v1/pages/${page.id}`;
    await until('level 1 marked sent', async () => {
      const shown = (await (await fetch(`${server!.url}${pagePath}`, { headers })).json()) as { notifications: { status: string }[] };
      return shown.notifications[0]?.status === 'sent' ? true : undefined;
    }, 10_000);
    expect(hook.deliveries.map((d) => [d.type, d.level, d.signed])).toEqual([['page.triggered', 1, true]]);

    await server.stop('SIGKILL');
    server = undefined;
    const due = Date.parse(page.nextEscalationAt);
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now()) + 1_000));
    expect(hook.deliveries).toHaveLength(1);

    server = await startServerProcess(env);
    const restartedAt = Date.now();
    const level2 = await until('level 2 delivered', () => hook.deliveries.find((d) => d.level === 2), 10_000);
    expect(level2.at - restartedAt).toBeLessThan(5_000);
    expect(level2).toMatchObject({ type: 'page.escalated', cycle: 0, signed: true });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(hook.deliveries.map((d) => d.level)).toEqual([1, 2]);
    expect(new Set(hook.deliveries.map((d) => d.id)).size).toBe(2);
    const shown = (await (await fetch(`${server.url}${pagePath}`, { headers })).json()) as { level: number; notifications: { level: number; status: string }[] };
    expect(shown.level).toBe(2);
    expect(shown.notifications.map((n) => [n.level, n.status])).toEqual([[1, 'sent'], [2, 'sent']]);
  });
});
