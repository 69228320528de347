import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/output.js';
import { systemClock } from '../../src/clock.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { findUserByEmail } from '../../src/store/repositories/users.js';
import { authenticateBearer } from '../../src/usecases/auth/api-tokens.js';
import { verifyPassword } from '../../src/usecases/auth/secrets.js';
import { createService } from '../../src/usecases/catalog/services.js';
import type { Deps } from '../../src/usecases/deps.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary, `node bin/hikeshi.js`, from the repository root against one database. */
function hikeshi(url: string, args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/hikeshi.js', ...args], {
      env: { ...process.env, DATABASE_URL: url, HIKESHI_CONFIG: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe.each(engines)('the hikeshi command on %s', (engine) => {
  let database: TestDatabase;
  let deps: Deps;
  const run = (...args: string[]) => hikeshi(database.url, args);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    deps = { db: database.db, engine, clock: systemClock, settings: DEFAULT_SETTINGS };
  });
  afterAll(async () => database.drop());

  it('declares an incident with a Japanese title and shows it with its timeline', async () => {
    const declared = await run('incident', 'declare', 'データベース接続エラー', '--severity', 'SEV2', '--tag', 'db');
    expect(declared).toEqual({ code: 0, stdout: 'Declared INC-1 (triage, SEV2): データベース接続エラー\n', stderr: '' });

    const shown = await run('incident', 'show', 'INC-1');
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toMatch(/^reference: +INC-1$/m);
    expect(shown.stdout).toMatch(/^title: +データベース接続エラー$/m);
    expect(shown.stdout).toMatch(/^status: +triage \(can move to investigating, identified, monitoring, resolved, closed\)$/m);
    expect(shown.stdout).toMatch(/^severity: +SEV2$/m);
    expect(shown.stdout).toMatch(/^tags: +db$/m);
    expect(shown.stdout).toMatch(/\nTimeline:\n {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ {2}Hikeshi {2}declared "データベース接続エラー" \(SEV2, triage\)\n$/);

    const json = await run('incident', 'show', 'INC-1', '--json');
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const { incident, timeline } = JSON.parse(json.stdout);
    expect(incident).toMatchObject({ number: 1, reference: 'INC-1', title: 'データベース接続エラー', status: 'triage', severity: 'SEV2', tags: ['db'] });
    expect(timeline).toEqual([
      expect.objectContaining({
        kind: 'incident.declared',
        actor: { type: 'system', id: null, name: 'Hikeshi' },
        payload: { title: 'データベース接続エラー', severity: 'SEV2', status: 'triage' },
      }),
    ]);
  });

  it('lists incidents by status, severity and service in aligned columns', async () => {
    await createService(deps, { name: 'payments' }, SYSTEM_PRINCIPAL);
    const declared = JSON.parse((await run('incident', 'declare', '決済APIの遅延', '--severity', 'SEV1', '--service', 'payments', '--json')).stdout);
    expect(declared).toMatchObject({ reference: 'INC-2', services: [expect.objectContaining({ name: 'payments' })] });
    expect(await run('incident', 'declare', 'Login page is slow')).toMatchObject({ code: 0, stderr: '' });
    expect(await run('incident', 'update', 'INC-3', '--status', 'investigating')).toMatchObject({ code: 0, stderr: '' });

    const all = await run('incident', 'list');
    expect(all).toMatchObject({ code: 0, stderr: '' });
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['REFERENCE', 'STATUS', 'SEVERITY', 'TITLE'],
      ['INC-3', 'investigating', 'SEV4', 'Login page is slow'],
      ['INC-2', 'triage', 'SEV1', '決済APIの遅延'],
      ['INC-1', 'triage', 'SEV2', 'データベース接続エラー'],
    ]);
    // The DECLARED column starts at the same terminal column whatever the width of the titles.
    const declaredColumn = lines.map((line) => displayWidth(line.slice(0, line.search(/(DECLARED|\d{4}-\d\d-\d\d )/))));
    expect(new Set(declaredColumn).size).toBe(1);

    const references = async (...filter: string[]) => {
      const listed = await run('incident', 'list', ...filter, '--json');
      expect(listed).toMatchObject({ code: 0, stderr: '' });
      return JSON.parse(listed.stdout).items.map((i: { reference: string }) => i.reference);
    };
    expect(await references('--status', 'triage')).toEqual(['INC-2', 'INC-1']);
    expect(await references('--status', 'investigating,identified')).toEqual(['INC-3']);
    expect(await references('--severity', 'SEV1')).toEqual(['INC-2']);
    expect(await references('--service', 'payments')).toEqual(['INC-2']);

    const page = await run('incident', 'list', '--limit', '2', '--json');
    const { items, nextCursor } = JSON.parse(page.stdout);
    expect(items).toHaveLength(2);
    expect(await references('--cursor', nextCursor)).toEqual(['INC-1']);
  });

  it('updates the status, and refuses a move the lifecycle does not allow, listing the allowed ones', async () => {
    const updated = await run('incident', 'update', 'INC-1', '--status', 'investigating', '--severity', 'SEV1');
    expect(updated).toEqual({ code: 0, stdout: 'Updated INC-1 (investigating, SEV1): データベース接続エラー\n', stderr: '' });
    const shown = await run('incident', 'show', 'INC-1');
    expect(shown.stdout).toMatch(/Hikeshi {2}status triage → investigating\n/);
    expect(shown.stdout).toMatch(/Hikeshi {2}severity SEV2 → SEV1\n/);

    const refused = await run('incident', 'update', 'INC-1', '--status', 'closed');
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: An incident cannot move from investigating to closed. From investigating it can move to: identified, monitoring, resolved.\n',
    });

    const resolved = await run('incident', 'resolve', 'INC-1', '--summary', '接続数の上限を引き上げた');
    expect(resolved.stdout).toBe('Resolved INC-1 (resolved, SEV1): データベース接続エラー\n');
    const json = JSON.parse((await run('incident', 'show', '1', '--json')).stdout);
    expect(json.incident).toMatchObject({ status: 'resolved', summary: '接続数の上限を引き上げた', resolvedAt: expect.any(String) });
  });

  it('names the field of a value it refuses', async () => {
    expect(await run('incident', 'declare', 'Disk full', '--severity', 'SEV9')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: severity: must be one of SEV1, SEV2, SEV3, SEV4 (got "SEV9")\n',
    });
    expect(await run('incident', 'list', '--status', 'triage,open')).toMatchObject({
      code: 1,
      stderr: 'error: status: must be one of triage, investigating, identified, monitoring, resolved, closed (got "open")\n',
    });
    expect(await run('incident', 'update', 'INC-2', '--commander', 'nobody')).toMatchObject({
      code: 1,
      stderr: 'error: commander: unknown user "nobody"\n',
    });
    expect(await run('incident', 'list', '--limit', '0')).toMatchObject({ code: 1, stderr: 'error: limit: must be an integer from 1 to 200 (got "0")\n' });
  });

  it('says an unknown incident was not found', async () => {
    expect(await run('incident', 'show', 'INC-404')).toEqual({ code: 1, stdout: '', stderr: 'error: incident INC-404 was not found\n' });
    expect((await run('incident', 'resolve', 'INC-404')).code).toBe(1);
  });

  it('answers a wrong command line with exit code 2 and the usage line', async () => {
    expect(await run('incidnet', 'list')).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: unknown command \"incidnet\"\nusage: hikeshi <command> [options]\nRun 'hikeshi help' for details.\n",
    });
    expect(await run('incident', 'list', '--stauts', 'triage')).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: unknown option --stauts\nusage: hikeshi incident list [options]\nRun 'hikeshi incident list --help' for details.\n",
    });
    expect(await run('incident', 'declare')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: missing argument TITLE\nusage: hikeshi incident declare TITLE \[options\]\n/) });
    expect(await run('incident', 'frob')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: hikeshi incident <command> [options]') });
    expect(await run('user', 'add', '--name', 'X')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: missing option --email\n/) });
    expect(await run('incident', 'update', 'INC-2')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: nothing to change/) });
    expect(await run()).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: missing command\n/) });
  });

  it('adds a user with the password from stdin, storing only its hash and printing no password', async () => {
    const password = 'correct horse battery staple';
    const added = await hikeshi(
      database.url,
      ['user', 'add', '--name', '佐藤 愛子', '--email', 'Aiko@Example.com', '--timezone', 'Asia/Tokyo', '--slack-user-id', 'U024BE7LH', '--password-stdin'],
      `${password}\n`,
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(/^Created user 佐藤 愛子 <aiko@example.com>: responder, Asia\/Tokyo, id [0-9a-f-]{36}\.\nThey can sign in now\.\n$/);

    const stored = await findUserByEmail(database.db, 'aiko@example.com');
    expect(stored).toMatchObject({ name: '佐藤 愛子', role: 'responder', timeZone: 'Asia/Tokyo', slackUserId: 'U024BE7LH' });
    expect(stored!.passwordHash).toBeTruthy();
    expect(stored!.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, stored!.passwordHash!)).toBe(true); // the newline was not part of it

    const json = await hikeshi(database.url, ['user', 'add', '--name', 'Ken', '--email', 'ken@example.com', '--role', 'viewer', '--password-stdin', '--json'], 'another long password');
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toMatchObject({ email: 'ken@example.com', role: 'viewer' });
    for (const output of [added.stdout, added.stderr, json.stdout, json.stderr]) {
      expect(output).not.toMatch(/password|correct horse|another long/i);
    }

    expect(await run('user', 'add', '--name', 'Again', '--email', 'aiko@example.com')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: A user with email aiko@example.com already exists\n',
    });
    expect(await hikeshi(database.url, ['user', 'add', '--name', 'Short', '--email', 's@example.com', '--password-stdin'], 'short\n')).toMatchObject({
      code: 1,
      stderr: 'error: password: must be at least 12 characters\n',
    });
    expect(await run('user', 'add', '--name', 'Tz', '--email', 'tz@example.com', '--timezone', 'Mars/Olympus')).toMatchObject({
      code: 1,
      stderr: 'error: timezone: must be an IANA time zone such as Asia/Tokyo (got "Mars/Olympus")\n',
    });
  });

  it('creates an API token, printed once, that authenticates with its role', async () => {
    const created = await run('token', 'create', '--name', 'ci', '--role', 'viewer');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^hks_[A-Za-z0-9_-]{20,}\n$/);
    expect(created.stderr).toMatch(/^Created API token "ci" \(viewer, id [0-9a-f-]{36}\)\.\nIt is shown only this once/);

    const principal = await authenticateBearer(deps, created.stdout.trim(), undefined);
    expect(principal).toMatchObject({ role: 'viewer', actor: { type: 'token', name: 'ci' } });
    expect(await authenticateBearer(deps, `${created.stdout.trim()}x`, undefined)).toBeUndefined();

    const json = JSON.parse((await run('token', 'create', '--name', 'deploy', '--json')).stdout);
    expect(json).toMatchObject({ token: expect.stringMatching(/^hks_/), record: { name: 'deploy', role: 'responder', revokedAt: null } });
    expect(await run('token', 'create', '--name', 'x', '--role', 'root')).toMatchObject({
      code: 1,
      stderr: 'error: role: must be one of admin, responder, viewer (got "root")\n',
    });
  });

  it('migrates a fresh database, then finds it up to date', async () => {
    const fresh = await createTestDatabase(engine, { migrate: false });
    try {
      const first = await hikeshi(fresh.url, ['migrate']);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toMatch(/^Applied 20261128_0001_initial\n(Applied \S+\n)*\S+ is up to date\.\n$/);
      const again = await hikeshi(fresh.url, ['migrate']);
      expect(again).toEqual({ code: 0, stdout: expect.stringMatching(/^\S+ is already up to date\.\n$/), stderr: '' });
      expect(JSON.parse((await hikeshi(fresh.url, ['migrate', '--json'])).stdout)).toMatchObject({ applied: [] });
    } finally {
      await fresh.drop();
    }
  });
});

describe('the hikeshi command without a database', () => {
  // Help and the version never open DATABASE_URL; a path that cannot be created proves it.
  const run = (...args: string[]) => hikeshi('sqlite:/dev/null/hikeshi.db', args);

  it('prints help for every command, the same with --help and with help, and the version', async () => {
    const top = await run('--help');
    expect(top).toMatchObject({ code: 0, stderr: '' });
    expect(top.stdout).toContain('usage: hikeshi <command> [options]');
    for (const name of ['serve', 'migrate', 'user add', 'token create', 'incident declare', 'incident list', 'incident show', 'incident update', 'incident resolve']) {
      expect(top.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
      const help = await run(...name.split(' '), '--help');
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toContain(`usage: hikeshi ${name}`);
    }
    expect((await run('help', 'incident', 'declare')).stdout).toBe((await run('incident', 'declare', '-h')).stdout);
    expect((await run('incident', '--help')).stdout).toMatch(/^usage: hikeshi incident <command> \[options\]\n/);
    expect(await run('--version')).toEqual({ code: 0, stdout: `hikeshi ${pkg.version}\n`, stderr: '' });
  });
});
