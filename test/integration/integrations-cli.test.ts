import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashIntegrationToken } from '../../src/usecases/integrations/integration-token.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';

// Runs the built binary (`npm run build:server` first), as test/integration/cli.test.ts does.

function hikeshi(url: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
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

describe.each(engines)('hikeshi integration on %s', (engine) => {
  let database: TestDatabase;
  const run = (...args: string[]) => hikeshi(database.url, args);
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database?.drop());

  it('creates an integration printing the token alone on stdout once, lists it by hint, and rotates the token', { timeout: 120_000 }, async () => {
    const created = await run('integration', 'create', '--name', 'prometheus', '--kind', 'alertmanager', '--rate-limit', '1200');
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^hki_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('Created integration "prometheus" (alertmanager');
    const row = await database.db.selectFrom('integrations').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'prometheus', token_hash: hashIntegrationToken(token), token_hint: token.slice(-4), rate_limit_per_minute: 1200 });

    const listed = await run('integration', 'list');
    expect(listed.stdout).toContain(`…${token.slice(-4)}`);
    expect(listed.stdout).not.toContain(token);

    const rotated = await run('integration', 'rotate-token', 'prometheus');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout.trim()).not.toBe(token);
    expect((await database.db.selectFrom('integrations').select('token_hash').executeTakeFirstOrThrow()).token_hash).toBe(hashIntegrationToken(rotated.stdout.trim()));

    const bad = await run('integration', 'create', '--name', 'x', '--kind', 'nagios');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('kind');
  });
});
