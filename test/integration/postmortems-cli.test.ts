import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { systemClock } from '../../src/clock.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import type { Deps } from '../../src/usecases/deps.js';
import { declareIncident } from '../../src/usecases/incidents/declare-incident.js';
import { createActionItem } from '../../src/usecases/postmortems/create-action-item.js';
import { createPostmortem } from '../../src/usecases/postmortems/create-postmortem.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';

// The command line in this process: parsing, the command, the use case and what it prints.
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

describe.each(engines)('hikeshi postmortem on %s', (engine) => {
  let database: TestDatabase;
  const run = (...args: string[]) => hikeshi(database.url, args);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const deps: Deps = { db: database.db, engine, clock: systemClock, settings: DEFAULT_SETTINGS };
    const ann = await createUser(deps, { name: 'Ann Lee', email: 'ann@example.com' }, SYSTEM_PRINCIPAL);
    await declareIncident(deps, { title: 'Checkout errors', severity: 'SEV2' }, SYSTEM_PRINCIPAL);
    await createPostmortem(deps, SYSTEM_PRINCIPAL, 'INC-1');
    await createActionItem(deps, SYSTEM_PRINCIPAL, 'INC-1', { title: 'Alert on checkout 5xx', ownerId: ann.id });
  });
  afterAll(async () => database?.drop());

  it('shows the readiness and exactly what is missing', async () => {
    const shown = await run('postmortem', 'show', 'INC-1');
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toContain('INC-1: Checkout errors — postmortem draft');
    expect(shown.stdout).toContain('Readiness: 14%'); // the error budget policy asks nothing of an incident no SLO covers
    expect(shown.stdout).toContain('[ ] Every action item has an owner and a due date — "Alert on checkout 5xx" has no due date');
    expect(shown.stdout).toContain('- Alert on checkout 5xx (open; owner Ann Lee; due none)');
    const json = await run('postmortem', 'show', 'inc-1', '--json');
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).readiness.missing).toHaveLength(6);
  });

  it('exports Markdown to standard output, in Japanese with --lang ja', async () => {
    const en = await run('postmortem', 'export', 'INC-1');
    expect([en.code, en.stderr]).toEqual([0, '']);
    expect(en.stdout.split('\n')[0]).toBe('# INC-1: Checkout errors — Postmortem');
    expect(en.stdout).toContain('| Alert on checkout 5xx | Ann Lee | — | open | — |');
    const ja = await run('postmortem', 'export', '1', '--lang', 'ja');
    expect([ja.code, ja.stderr]).toEqual([0, '']);
    expect(ja.stdout.split('\n')[0]).toBe('# INC-1: Checkout errors — ポストモーテム');
    expect(ja.stdout).toContain('## 準備状況: 14%');
  });

  it('names the problem: a wrong language, an incident without a postmortem, an unknown incident', async () => {
    const lang = await run('postmortem', 'export', 'INC-1', '--lang', 'fr');
    expect(lang.code).not.toBe(0);
    expect(lang.stderr).toContain('lang');
    expect(lang.stdout).toBe('');
    await declareIncident({ db: database.db, engine, clock: systemClock, settings: DEFAULT_SETTINGS }, { title: 'Search slow' }, SYSTEM_PRINCIPAL);
    const none = await run('postmortem', 'show', 'INC-2');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('postmortem INC-2 was not found');
    const unknown = await run('postmortem', 'export', 'INC-99');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('incident INC-99 was not found');
  });
});
