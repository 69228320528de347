import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
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

/** October 2026 in London: the clocks go back on Sunday the 25th. */
const london = (day: number, hour: number, minute = 0) =>
  DateTime.fromObject({ year: 2026, month: 10, day: 1, hour, minute }, { zone: 'Europe/London' }).plus({ days: day - 1 }).toUTC().toISO()!;

const WHO = ['ann', 'bob', 'cat'] as const;
const CELLS = { ann: 'ann@example.com', bob: 'U0BOB', cat: 'Cat Doe' };
const NAMES = { ann: 'Ann Lee', bob: 'Bob Ito', cat: 'Cat Doe' };
const whoseDay = (day: number) => WHO[(day * 5) % 3]!;

describe.each(engines)('hikeshi oncall and schedule on %s', (engine) => {
  let database: TestDatabase;
  let dir: string;
  const people: Record<string, string> = {};
  const run = (...args: string[]) => hikeshi(database.url, args);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'hikeshi-oncall-cli-'));
    const deps: Deps = { db: database.db, engine, clock: systemClock, settings: DEFAULT_SETTINGS };
    for (const [key, name, email, slackUserId] of [
      ['ann', NAMES.ann, 'ann@example.com', undefined],
      ['bob', NAMES.bob, 'bob@example.com', 'U0BOB'],
      ['cat', NAMES.cat, 'cat@example.com', undefined],
      ['zed', 'Zed Ruiz', 'zed@example.com', undefined],
    ] as const) {
      people[key] = (await createUser(deps, { name, email, ...(slackUserId && { slackUserId }) }, SYSTEM_PRINCIPAL)).id;
    }
  });
  afterAll(async () => {
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates a schedule from YAML, naming a bad field by its place in the file', async () => {
    const file = join(dir, 'schedule.yaml');
    const yaml = (participant: string) =>
      [
        'name: Platform',
        'timeZone: Europe/London',
        'rotaColumns: { Day: date, "on call": primary, backup: secondary }',
        'layers:',
        '  - name: Weekly',
        `    participants: [${participant}]`,
        '    rotation: { unit: weeks, length: 1 }',
        '    handoffTime: "09:00"',
        '    startDate: 2026-01-05',
        '',
      ].join('\n');
    writeFileSync(file, yaml('nobody@example.com'));
    expect(await run('schedule', 'create', '--file', file)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: file: ${file}: layers[0].participants[0]: unknown person "nobody@example.com" (give a user id, email or Slack user id)\n`,
    });
    writeFileSync(file, yaml('zed@example.com'));
    const created = await run('schedule', 'create', '--file', file);
    expect(created).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Created schedule Platform \(Europe\/London, 1 layer\), id \S+\.\n$/) });
    const listed = await run('schedule', 'list');
    expect(listed.stdout).toMatch(/^NAME +TIME ZONE +LAYERS +OVERRIDES +ID\nPlatform +Europe\/London +1 +0 +\S+\n$/);
  });

  it('imports a month of rota, reports the malformed row by line, and answers `oncall --at` for every day across the DST change', { timeout: 180_000 }, async () => {
    const lines = ['Day,On call,Backup'];
    for (let day = 1; day <= 31; day++) {
      lines.push(`2026-10-${String(day).padStart(2, '0')},${CELLS[whoseDay(day)]},${CELLS[whoseDay(day + 1)]}`);
      if (day === 12) lines.push('12/10/2026,U0BOB,'); // line 14: a day-first date, refused as ambiguous
    }
    const csv = join(dir, 'october.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);

    const imported = await run('schedule', 'import', '--schedule', 'Platform', '--csv', csv);
    expect(imported).toEqual({
      code: 0,
      stdout: 'Imported 31 primary shifts into Platform as overrides.\n31 secondary shifts not imported into this schedule (import with --role to use them).\n',
      stderr: '1 row was not applied:\n  line 14: "12/10/2026" is not a date (YYYY-MM-DD) (bad_date)\n',
    });

    const checks: [string, string, string][] = [];
    for (let day = 1; day <= 31; day++) checks.push([`October ${day} noon`, london(day, 12), people[whoseDay(day)]!]);
    // Around the change: 08:30 is still the previous day's turn, on either side of it.
    for (const day of [25, 26]) checks.push([`October ${day} 08:30`, london(day, 8, 30), people[whoseDay(day - 1)]!]);
    checks.push(['November 1 noon, after the rota', london(32, 12), people.zed!]);

    const answers: [string, string | undefined][] = [];
    for (let i = 0; i < checks.length; i += 6) {
      const batch = await Promise.all(checks.slice(i, i + 6).map(([, at]) => run('oncall', '--at', at, '--schedule', 'Platform', '--json')));
      batch.forEach((answer, j) => {
        expect(answer).toMatchObject({ code: 0, stderr: '' });
        answers.push([checks[i + j]![0], JSON.parse(answer.stdout).items[0]?.user?.id]);
      });
    }
    expect(answers).toEqual(checks.map(([label, , user]) => [label, user]));

    const text = await run('oncall', '--at', london(25, 12), '--schedule', 'Platform');
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n').map((line) => line.split(/\s{2,}/))).toEqual([
      [`On call at ${london(25, 12).replace('T', ' ').replace(/\.\d+Z$/, 'Z')}:`],
      ['SCHEDULE', 'ON CALL', 'EMAIL', 'UNTIL', 'NEXT'],
      ['Platform', NAMES[whoseDay(25)], `${whoseDay(25)}@example.com`, '2026-10-26 09:00 +00:00', NAMES[whoseDay(26)]],
      [''],
    ]);
  });

  it('refuses a structurally broken file with exit 1, listing its problems by line, and changes nothing', async () => {
    const before = JSON.parse((await run('schedule', 'show', 'Platform', '--json')).stdout).schedule;
    const csv = join(dir, 'broken.csv');
    writeFileSync(csv, 'Day,Backup\n2026-10-05,U0BOB\n');
    const refused = await run('schedule', 'import', '--schedule', 'Platform', '--csv', csv, '--mode', 'layer');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: The rota was not imported and the schedule is unchanged: line 1: Missing column primary/);
    expect(refused.stderr).toContain('\n  line 1: Missing column primary: expected date,primary[,secondary] or start,end,primary[,secondary] (missing_column)\n');
    expect(JSON.parse((await run('schedule', 'show', 'Platform', '--json')).stdout).schedule).toEqual(before);

    expect(await run('schedule', 'import', '--schedule', 'Platform', '--csv', csv, '--mode', 'stack')).toMatchObject({ code: 1, stderr: 'error: mode: must be one of overrides, layer (got "stack")\n' });
    expect(await run('oncall', '--at', '2026-10-05 12:00')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: at: must be an ISO 8601 date-time with Z or an offset/) });
    expect(await run('oncall', '--schedule', 'Nope')).toMatchObject({ code: 1, stderr: 'error: schedule: unknown schedule "Nope"\n' });
  });
});
