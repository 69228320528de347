import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { systemClock } from '../../src/clock.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { createService } from '../../src/usecases/catalog/services.js';
import type { Deps } from '../../src/usecases/deps.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';

async function hikeshi(url: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (text) => void (stdout += text), err: (text) => void (stderr += text), stdinIsTTY: true, readStdin: async () => '' };
  const saved = { url: process.env.DATABASE_URL, config: process.env.HIKESHI_CONFIG };
  process.env.DATABASE_URL = url;
  process.env.HIKESHI_CONFIG = '';
  try {
    return { code: await main(args, io), stdout, stderr };
  } finally {
    for (const [key, value] of [['DATABASE_URL', saved.url], ['HIKESHI_CONFIG', saved.config]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe.each(engines)('hikeshi slo on %s', (engine) => {
  let database: TestDatabase;
  let dir: string;
  const run = (...args: string[]) => hikeshi(database.url, args);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'hikeshi-slo-cli-'));
    const deps: Deps = { db: database.db, engine, clock: systemClock, settings: DEFAULT_SETTINGS };
    await createService(deps, { name: 'checkout' }, SYSTEM_PRINCIPAL);
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file, lists it, takes pushed buckets and shows the status', async () => {
    writeFileSync(join(dir, 'checkout.yaml'), 'id: checkout-availability\nservice: checkout\nobjective: 99\nwindow: 7d\nsli:\n  push: true\n');
    const imported = await run('slo', 'import', join(dir, 'checkout.yaml'));
    expect(imported).toMatchObject({ code: 0, stderr: '', stdout: 'Imported 1 SLO(s): checkout-availability (new)\n' });
    const listed = await run('slo', 'list');
    expect(listed.stdout).toMatch(/checkout-availability\s+checkout\s+99 %\s+7d rolling\s+push\s+api/);

    const minute = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
    const buckets = [0, 1].map((i) => ({ start: new Date(minute - i * 60_000).toISOString(), good: 95, total: 100 }));
    writeFileSync(join(dir, 'buckets.json'), JSON.stringify({ buckets }));
    expect(await run('slo', 'push', 'checkout-availability', '--file', join(dir, 'buckets.json'))).toMatchObject({ code: 0, stdout: 'Stored 2 minute(s) for checkout-availability.\n' });
    const shown = await run('slo', 'show', 'checkout-availability');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/Attainment:\s+95 %/);
    expect(shown.stdout).toMatch(/Budget:\s+2\.00 events; spent 10\.00; left -8\.00/);
    expect(JSON.parse((await run('slo', 'show', 'checkout-availability', '--json')).stdout).status.health).toBe('exhausted');
  });

  it('a refused file is named by file, line and field; a bad bucket by its index', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'id: bad\nservice: checkout\nobjective: 100\nwindow: 7d\nsli:\n  push: true\n');
    const refused = await run('slo', 'import', join(dir, 'bad.yaml'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad\.yaml:3:\d+: objective /);
    writeFileSync(join(dir, 'over.json'), JSON.stringify([{ start: new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString(), good: 2, total: 1 }]));
    const over = await run('slo', 'push', 'checkout-availability', '--file', join(dir, 'over.json'));
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/over\.json: buckets\[0\]\.good must not exceed total/);
  });
});
