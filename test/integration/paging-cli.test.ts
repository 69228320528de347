import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import type { Deps } from '../../src/usecases/deps.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';

// Runs the built binary (`npm run build:server` first), as test/integration/cli.test.ts does.

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function hikeshi(url: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/hikeshi.js', ...args], { env: { ...process.env, DATABASE_URL: url, HIKESHI_CONFIG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

describe.each(engines)('hikeshi escalation and page on %s', (engine) => {
  let database: TestDatabase;
  let dir: string;
  const run = (...args: string[]) => hikeshi(database.url, args);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'hikeshi-paging-cli-'));
    const deps: Deps = { db: database.db, engine, clock: systemClock, settings: DEFAULT_SETTINGS };
    await createUser(deps, { name: 'Ann Lee', email: 'ann@example.com' }, SYSTEM_PRINCIPAL);
    await createUser(deps, { name: 'Bob Ito', email: 'bob@example.com' }, SYSTEM_PRINCIPAL);
  });
  afterAll(async () => {
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates, lists, shows and deletes a policy from a file, naming a bad field by its place in the file', { timeout: 120_000 }, async () => {
    const file = join(dir, 'policy.json');
    const policy = (second: string, delay = 10) => ({
      name: 'Payments',
      repeat: 1,
      levels: [
        { delayMinutes: 5, targets: [{ type: 'user', id: 'ann@example.com' }] },
        { delayMinutes: delay, targets: [{ type: 'user', id: second }] },
      ],
    });
    writeFileSync(file, JSON.stringify(policy('nobody@example.com')));
    const refused = await run('escalation', 'create', '--file', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('levels[1].targets[0].id');
    writeFileSync(file, JSON.stringify(policy('Bob Ito', 0)));
    expect((await run('escalation', 'create', '--file', file)).stderr).toContain('levels[1].delayMinutes');

    writeFileSync(file, JSON.stringify(policy('Bob Ito')));
    const created = await run('escalation', 'create', '--file', file);
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^Created escalation policy Payments \(2 levels\), id /);
    expect((await run('escalation', 'list')).stdout).toMatch(/Payments\s+2\s+1/);
    const shown = await run('escalation', 'show', 'Payments');
    expect(shown.stdout).toContain('user Ann Lee');
    expect(shown.stdout).toContain('then 10 min');
    expect(JSON.parse((await run('escalation', 'show', 'Payments', '--json')).stdout).levels[1].targets[0].name).toBe('Bob Ito');
  });

  it('pages, lists, shows, acknowledges and resolves a page; a policy with an open page cannot be deleted', { timeout: 180_000 }, async () => {
    const created = await run('page', 'create', '--policy', 'Payments', '--message', 'Card payments failing', '--details', 'since 09:00');
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe('Page #1 triggered; level 1 notifies Ann Lee.\n');
    const both = await run('page', 'create', '--policy', 'Payments', '--user', 'Ann Lee', '--message', 'x');
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('give exactly one of');

    const open = JSON.parse((await run('page', 'list', '--status', 'open', '--json')).stdout);
    expect(open.items.map((p: { number: number; status: string; source: string }) => [p.number, p.status, p.source])).toEqual([[1, 'triggered', 'cli']]);
    expect((await run('page', 'list')).stdout).toMatch(/#1\s+triggered\s+1\/2\s+policy Payments/);
    const shown = await run('page', 'show', '1');
    expect(shown.stdout).toContain('Card payments failing');
    expect(shown.stdout).toContain('Notifications:');
    expect(shown.stdout).toContain('Ann Lee');

    const blocked = await run('escalation', 'delete', 'Payments');
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('open page');

    expect((await run('page', 'ack', '#1')).stdout).toBe('Page #1 is acknowledged.\n');
    expect((await run('page', 'ack', '1')).stdout).toBe('Page #1 is acknowledged.\n');
    expect((await run('page', 'resolve', '1')).stdout).toBe('Page #1 is resolved.\n');
    const refused = await run('page', 'ack', '1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already resolved');
    const record = JSON.parse((await run('page', 'show', '1', '--json')).stdout);
    expect(record.events.map((e: { kind: string }) => e.kind)).toEqual(['triggered', 'notified', 'acknowledged', 'resolved']);
    expect(record.events[2].text).toContain('(command line)');

    expect((await run('escalation', 'delete', 'Payments')).stdout).toBe('Deleted escalation policy Payments.\n');
    expect((await run('page', 'list', '--status', 'open')).stdout).toBe('No pages.\n');
    expect((await run('page', 'show', '99')).code).toBe(1);
  });
});
