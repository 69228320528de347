import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const TOKEN = 'alert-durability-admin-token-0123';
const REQUESTS = 600;
const IN_FLIGHT = 48;
const KILL_AFTER = 200;
const HOT_EVERY = 5;

interface Sent {
  key: string;
  acknowledged: boolean;
}

describe.each(engines)('alert ingest across kill -9 on %s', (engine) => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop('SIGKILL');
    await database.drop();
  });

  it('every alert answered 2xx is stored exactly once, even when the server is killed mid-stream', { timeout: 240_000 }, async () => {
    database = await createTestDatabase(engine, { migrate: false });
    const env = { DATABASE_URL: database.url, HIKESHI_ADMIN_TOKEN: TOKEN };
    server = await startServerProcess(env);
    const created = await fetch(`${server.url}/api/v1/integrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'durability', kind: 'generic' }),
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const hookUrl = `${server.url}/hooks/${token}`;

    // Every fifth request repeats one hot key; the others each open their own alert.
    const sent: Sent[] = Array.from({ length: REQUESTS }, (_, i) => ({ key: i % HOT_EVERY === 0 ? 'hot' : `k${i}`, acknowledged: false }));
    let next = 0;
    let answered = 0;
    const killed = server;
    const worker = async () => {
      while (next < sent.length) {
        const request = sent[next++]!;
        try {
          const res = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: `alert ${request.key}`, dedupKey: request.key }) });
          request.acknowledged = res.status === 202;
          if (++answered === KILL_AFTER) killed.child.kill('SIGKILL');
        } catch {
          // The connection died with the server: this request was never acknowledged.
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await killed.stop('SIGKILL');
    server = undefined;

    const acknowledged = sent.filter((s) => s.acknowledged);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER - IN_FLIGHT);
    expect(acknowledged.length).toBeLessThan(REQUESTS);

    server = await startServerProcess(env);
    const alerts = await database.db.selectFrom('alerts').select(['id', 'dedup_key', 'occurrences', 'status']).execute();
    // Ingest's own events (routing adds its own after the commit).
    const events = await database.db.selectFrom('alert_events').select(['alert_id', 'kind', 'count']).where('kind', 'in', ['triggered', 'repeated']).execute();
    const byKey = new Map<string, typeof alerts>();
    for (const alert of alerts) byKey.set(alert.dedup_key, [...(byKey.get(alert.dedup_key) ?? []), alert]);

    // Each acknowledged unique key: exactly one alert, with exactly one triggered event.
    for (const { key } of acknowledged.filter((s) => s.key !== 'hot')) {
      const stored = byKey.get(key) ?? [];
      expect(stored, key).toHaveLength(1);
      expect(stored[0]!.occurrences).toBe(1);
      expect(events.filter((e) => e.alert_id === stored[0]!.id).map((e) => e.kind)).toEqual(['triggered']);
    }
    // Nothing stored that was never sent; the hot key is one alert whose count covers every acknowledged repeat.
    expect(alerts.every((a) => a.dedup_key === 'hot' || sent.some((s) => s.key === a.dedup_key))).toBe(true);
    const hot = byKey.get('hot') ?? [];
    expect(hot).toHaveLength(1);
    const hotAcknowledged = acknowledged.filter((s) => s.key === 'hot').length;
    expect(Number(hot[0]!.occurrences)).toBeGreaterThanOrEqual(hotAcknowledged);
    expect(Number(hot[0]!.occurrences)).toBeLessThanOrEqual(sent.filter((s) => s.key === 'hot').length);
    const hotEvents = events.filter((e) => e.alert_id === hot[0]!.id);
    expect(hotEvents.reduce((sum, e) => sum + Number(e.count), 0)).toBe(Number(hot[0]!.occurrences));

    // After the restart the same key is a repeat of the open alert, not a second one.
    const again = await fetch(`${server.url}/hooks/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'alert hot', dedupKey: 'hot' }) });
    expect(again.status).toBe(202);
    expect(await database.db.selectFrom('alerts').select('id').where('dedup_key', '=', 'hot').execute()).toHaveLength(1);
  });
});
