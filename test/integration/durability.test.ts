import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';
import { startServerProcess } from '../helpers/server-process.js';

const TOKEN = 'durability-admin-token-0123456789';

describe.each(engines)('crash and restart on %s', (engine) => {
  let database: TestDatabase;
  afterEach(async () => database.drop());

  it('loses no acknowledged incident when the server is killed with SIGKILL mid-stream', async () => {
    database = await createTestDatabase(engine, { migrate: false });
    const env = { DATABASE_URL: database.url, HIKESHI_ADMIN_TOKEN: TOKEN };
    const first = await startServerProcess(env);
    const acknowledged: number[] = [];
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

    const writer = (async () => {
      for (let i = 0; i < 10_000; i++) {
        try {
          const answer = await fetch(`${first.url}/api/v1/incidents`, { method: 'POST', headers, body: JSON.stringify({ title: `障害 ${i}` }) });
          if (answer.status === 201) acknowledged.push(((await answer.json()) as { number: number }).number);
        } catch {
          return; // the server is gone
        }
      }
    })();
    while (acknowledged.length < 25) await new Promise((r) => setTimeout(r, 10));
    await first.stop('SIGKILL');
    await writer;

    const second = await startServerProcess(env);
    try {
      const stored = new Set<number>();
      let cursor: string | null = null;
      do {
        const page = (await (
          await fetch(`${second.url}/api/v1/incidents?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { headers })
        ).json()) as { items: { number: number }[]; nextCursor: string | null };
        page.items.forEach((i) => stored.add(i.number));
        cursor = page.nextCursor;
      } while (cursor);
      expect(acknowledged.length).toBeGreaterThanOrEqual(25);
      expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]);
      const timeline = (await (await fetch(`${second.url}/api/v1/incidents/INC-${acknowledged.at(-1)}/timeline`, { headers })).json()) as {
        items: { kind: string }[];
      };
      // Declared once; the shipped first-response runbook (triggered on every declaration) may add its own entries.
      expect(timeline.items.map((e) => e.kind).filter((kind) => !kind.startsWith('runbook.'))).toEqual(['incident.declared']);
    } finally {
      await second.stop();
    }
  });
});
