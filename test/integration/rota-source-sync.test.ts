import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { systemClock } from '../../src/clock.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { createJobHandlers } from '../../src/jobs/kinds.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { SecretBox } from '../../src/security/secret-box.js';
import { listJobs } from '../../src/store/repositories/jobs.js';
import { findRotaSourceBySchedule } from '../../src/store/repositories/rota-sources.js';
import { getSchedule } from '../../src/store/repositories/schedules.js';
import { createSchedule } from '../../src/usecases/oncall/manage-schedules.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/databases.js';

const MINUTE = 60_000;
/** The key in a Google published-sheet address: it must never be logged or answered. */
const SHEET_KEY = '2PACX-1vTopSecretSheetKey0123456789abcdefghijklmnopqrstuvwxyz';
const GOOD = [
  'date,primary,secondary',
  '2026-11-20,ann@example.com,bob@example.com',
  '2026-11-21,bob@example.com,ann@example.com',
  '2026-11-22,ann@example.com,bob@example.com',
].join('\n');

/** What the fake spreadsheet host serves next; tests change it between checks. */
interface Sheet {
  status: number;
  body: string | Buffer;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
  /** Declare this many bytes but hang up after the body: a download cut off mid-way. */
  declaredLength?: number;
  /** Send no Content-Length (chunked), so only the bytes read tell the size. */
  chunked?: boolean;
}

function sheet(body: string, etag: string | null, lastModified: string | null): Sheet {
  return { status: 200, body, contentType: 'text/csv; charset=utf-8', etag, lastModified };
}

/**
 * Google-like: the published address answers 307 to the file's real location, which
 * honours If-None-Match and If-Modified-Since with 304.
 */
async function startSheetHost(): Promise<{ server: Server; base: string; serve(s: Sheet): void; requests: IncomingHttpHeaders[] }> {
  let current = sheet(GOOD, '"v1"', 'Fri, 20 Nov 2026 08:00:00 GMT');
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/spreadsheets/')) {
      res.writeHead(307, { location: `/file/${SHEET_KEY}.csv?export=1` }).end();
      return;
    }
    requests.push(req.headers);
    const s = current;
    const fresh =
      s.status === 200 &&
      ((s.etag !== null && req.headers['if-none-match'] === s.etag) || (s.etag === null && s.lastModified !== null && req.headers['if-modified-since'] === s.lastModified));
    if (fresh) {
      res.writeHead(304).end();
      return;
    }
    const body = typeof s.body === 'string' ? Buffer.from(s.body) : s.body;
    res.writeHead(s.status, {
      'content-type': s.contentType,
      ...(!s.chunked && { 'content-length': String(s.declaredLength ?? body.length) }),
      ...(s.etag && { etag: s.etag }),
      ...(s.lastModified && { 'last-modified': s.lastModified }),
    });
    if (s.declaredLength !== undefined) {
      res.write(body);
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, serve: (s) => void (current = s), requests };
}

describe.each(engines)('rota source sync on %s', (engine) => {
  let app: TestApp;
  let host: Awaited<ReturnType<typeof startSheetHost>>;
  let runner: JobRunner;
  let url: string;
  let scheduleId: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
    app = await startTestApp(engine, { logger });
    app.deps.logger = logger;
    app.deps.secretBox = new SecretBox('a test secret key of at least 32 characters');
    runner = new JobRunner({ database: app.database, clock: app.clock, handlers: createJobHandlers({ deps: app.deps }), random: () => 0.5, logger });
    host = await startSheetHost();
    url = `${host.base}/spreadsheets/d/e/${SHEET_KEY}/pub?gid=0&single=true&output=csv`;
    await addUser(app.deps, 'Ann');
    await addUser(app.deps, 'Bob');
    scheduleId = (await app.api('POST', '/api/v1/schedules', { name: 'Spreadsheet rota', timeZone: 'Europe/London' })).json().id;
  });

  afterAll(async () => {
    await runner.stop();
    await new Promise((resolve) => host.server.close(resolve));
    await app.close();
  });

  const status = async () => (await app.api('GET', `/api/v1/schedules/${scheduleId}/rota-source`)).json();
  const revision = async () => (await getSchedule(app.database.db, scheduleId)).revision;
  const overrides = async () => (await getSchedule(app.database.db, scheduleId)).overrides.map((o) => [o.userId, o.start, o.end]);
  /** Moves the clock to the next periodic check and runs what is due. */
  const nextCheck = async () => {
    app.clock.set((await status()).nextCheckAt);
    await runner.runDue();
  };

  it('refuses a source that is not http(s), a bad interval, and anyone but an admin', async () => {
    const put = (body: object, token?: string) => app.api('PUT', `/api/v1/schedules/${scheduleId}/rota-source`, body, token);
    expect((await put({ url: 'ftp://example.com/rota.csv' })).json()).toMatchObject({ status: 422, field: 'url' });
    expect((await put({ url, intervalMinutes: 4 })).json()).toMatchObject({ status: 400, code: 'validation.invalid_field' });
    expect((await put({ url, columns: { Day: 'weekday' } })).statusCode).toBe(400);
    expect((await put({ url }, await app.tokenFor('responder'))).statusCode).toBe(403);
    expect((await app.api('GET', `/api/v1/schedules/${scheduleId}/rota-source`)).json()).toMatchObject({ status: 404, code: 'resource.not_found' });
  });

  it('stores the address sealed, answers it masked, and applies the first file through the redirect', async () => {
    const put = await app.api('PUT', `/api/v1/schedules/${scheduleId}/rota-source`, { url, intervalMinutes: 15 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ url: `${host.base}/spreadsheets/d/e/2PAC…/pub?gid=…&single=…&output=…`, urlSealed: true, mode: 'overrides', intervalMinutes: 15, lastOutcome: null });
    expect(put.body).not.toContain(SHEET_KEY);
    const stored = await findRotaSourceBySchedule(app.database.db, scheduleId);
    expect(stored?.urlStorage).toBe('sealed');
    expect(stored?.url).not.toContain(SHEET_KEY);

    const before = await revision();
    await runner.runDue();
    expect(await revision()).toBe(before + 1);
    expect(await overrides()).toEqual([
      [expect.any(String), '2026-11-20T09:00:00.000Z', '2026-11-21T09:00:00.000Z'],
      [expect.any(String), '2026-11-21T09:00:00.000Z', '2026-11-22T09:00:00.000Z'],
      [expect.any(String), '2026-11-22T09:00:00.000Z', '2026-11-23T09:00:00.000Z'],
    ]);
    const answer = await status();
    expect(answer).toMatchObject({
      lastOutcome: 'applied',
      lastCheckedAt: '2026-11-20T09:00:00.000Z',
      lastChangedAt: '2026-11-20T09:00:00.000Z',
      lastAppliedAt: '2026-11-20T09:00:00.000Z',
      lastFile: { applied: 3, problems: [] },
      nextCheckAt: '2026-11-20T09:15:00.000Z',
    });
    expect(JSON.stringify(answer)).not.toContain(SHEET_KEY);
    expect(host.requests.at(-1)?.['if-none-match']).toBeUndefined();
  });

  it('sends the validators after the interval, takes 304 as unchanged and writes nothing, after a restart too', async () => {
    // The next check is a job row: a runner started afresh (a restarted server) finds it.
    await runner.stop();
    runner = new JobRunner({ database: app.database, clock: app.clock, handlers: createJobHandlers({ deps: app.deps }), random: () => 0.5, logger: app.deps.logger!, workerId: 'after-restart' });
    const before = await revision();
    await nextCheck();
    expect(host.requests.at(-1)).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Fri, 20 Nov 2026 08:00:00 GMT' });
    expect(await revision()).toBe(before);
    expect(await status()).toMatchObject({ lastOutcome: 'unchanged', lastCheckedAt: '2026-11-20T09:15:00.000Z', lastAppliedAt: '2026-11-20T09:00:00.000Z', nextCheckAt: '2026-11-20T09:30:00.000Z' });
  });

  it('takes the same content under a new ETag as unchanged, by its hash', async () => {
    host.serve(sheet(GOOD, '"v1-regenerated"', null));
    const before = await revision();
    await nextCheck();
    expect(await revision()).toBe(before);
    expect(await status()).toMatchObject({ lastOutcome: 'unchanged', lastMessage: 'the file is the same as the last applied one' });
  });

  it('applies a changed file with one malformed row and reports that row by its line', async () => {
    host.serve(sheet(`${GOOD}\n2026-11-2x,bob@example.com,ann@example.com\n2026-11-24,bob@example.com,ann@example.com\n`, '"v2"', 'Fri, 20 Nov 2026 09:40:00 GMT'));
    const before = await revision();
    await nextCheck();
    expect(await revision()).toBe(before + 1);
    expect(await overrides()).toHaveLength(4);
    expect(await status()).toMatchObject({
      lastOutcome: 'applied',
      lastMessage: 'applied 4 shifts; 1 row was not applied',
      lastChangedAt: '2026-11-20T09:45:00.000Z',
      lastFile: { applied: 4, problems: [{ line: 5, code: 'bad_date', column: 'date', value: '2026-11-2x', message: '"2026-11-2x" is not a date (YYYY-MM-DD)' }] },
    });
  });

  it.each<[string, Sheet, string, object[]]>([
    ['an HTML page instead of CSV', { ...sheet('<html>Sign in</html>', '"html"', null), contentType: 'text/html; charset=utf-8' }, 'the address answered with a web page (text/html), not CSV: is the sheet published as CSV?; the schedule is unchanged', []],
    ['binary garbage', { ...sheet('', '"bin"', null), body: Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x00]) }, 'the file is not UTF-8 text; the schedule is unchanged', []],
    ['a file without its primary column', sheet('date,backup\n2026-11-25,bob@example.com\n', '"nocol"', null), expect.stringContaining('Missing column primary'), [{ line: 1, code: 'missing_column' }]],
    [
      'a file whose every row fails',
      sheet('date,primary\n2026-11-25,Nobody\n2026-11-26,Someone Else\n', '"allbad"', null),
      expect.stringContaining('No row produced a shift'),
      [{ line: 1, code: 'no_shifts' }, { line: 2, code: 'unknown_person' }, { line: 3, code: 'unknown_person' }],
    ],
    ['a file over 5 MB', sheet(`date,primary\n${'2026-11-25,ann@example.com\n'.repeat(200_000)}`, '"huge"', null), 'the file is larger than 5 MB; the schedule is unchanged', []],
    ['a file over 5 MB sent without a length', { ...sheet(`date,primary\n${'2026-11-25,ann@example.com\n'.repeat(200_000)}`, '"huge2"', null), chunked: true }, 'the file is larger than 5 MB; the schedule is unchanged', []],
    ['a 404 (the sheet was unpublished)', { ...sheet('gone', '"404"', null), status: 404 }, 'the server answered 404 Not Found; the schedule is unchanged', []],
  ])('refuses %s, with its problems, and leaves the schedule exactly as it was', async (_case, served, message, problems) => {
    host.serve(served);
    const before = await getSchedule(app.database.db, scheduleId);
    await nextCheck();
    expect(await getSchedule(app.database.db, scheduleId)).toEqual(before);
    const answer = await status();
    expect(answer).toMatchObject({ lastOutcome: 'refused', lastMessage: message, lastAppliedAt: '2026-11-20T09:45:00.000Z' });
    expect(answer.lastFile.problems).toEqual(problems.map((p) => expect.objectContaining(p)));
  });

  it('retries a download cut off mid-way with backoff, records the failure, and checks again after the interval', async () => {
    host.serve({ ...sheet(GOOD.replace('bob', 'ann'), '"cut"', null), declaredLength: 10_000 });
    const before = await getSchedule(app.database.db, scheduleId);
    const due = (await status()).nextCheckAt;
    await nextCheck();
    // Attempts 2..4 after 1 s, 2 s and 4 s of backoff; nothing is recorded until the last.
    for (const backoff of [1_000, 2_000, 4_000]) {
      expect((await status()).lastCheckedAt).not.toBe(app.clock.now().toISOString());
      app.clock.advance(backoff);
      await runner.runDue();
    }
    expect(await getSchedule(app.database.db, scheduleId)).toEqual(before);
    const failed = await status();
    expect(failed).toMatchObject({ lastOutcome: 'failed', lastMessage: expect.stringMatching(/^the download was cut off before the end .*; the schedule is unchanged and the next check will try again$/) });
    expect(failed.nextCheckAt).toBe(new Date(Date.parse(due) + 7_000 + 15 * MINUTE).toISOString());
    const checks = (await listJobs(app.database.db)).filter((j) => j.kind === 'oncall.syncRota');
    expect(checks.filter((j) => j.status === 'pending').map((j) => new Date(j.runAt).toISOString())).toEqual([failed.nextCheckAt]);
    expect(checks.every((j) => j.status !== 'failed')).toBe(true);

    host.serve({ ...sheet('', null, null), status: 500 });
    await nextCheck();
    for (const backoff of [1_000, 2_000, 4_000]) {
      app.clock.advance(backoff);
      await runner.runDue();
    }
    expect(await getSchedule(app.database.db, scheduleId)).toEqual(before);
    expect(await status()).toMatchObject({ lastOutcome: 'failed', lastMessage: 'the server answered 500 Internal Server Error; the schedule is unchanged and the next check will try again' });

    // The sheet is back, as last applied: the periodic check still happens and finds it unchanged.
    host.serve(sheet(`${GOOD}\n2026-11-2x,bob@example.com,ann@example.com\n2026-11-24,bob@example.com,ann@example.com\n`, '"v2"', 'Fri, 20 Nov 2026 09:40:00 GMT'));
    await nextCheck();
    expect(await status()).toMatchObject({ lastOutcome: 'unchanged' });
  });

  it('syncs now on a responder\'s request and answers the outcome, keeping the periodic time', async () => {
    host.serve(sheet(`${GOOD}\n2026-11-24,ann@example.com,bob@example.com\n`, '"v3"', null));
    const due = (await status()).nextCheckAt;
    const synced = await app.api('POST', `/api/v1/schedules/${scheduleId}/rota-source/sync`, undefined, await app.tokenFor('responder'));
    expect(synced.statusCode).toBe(200);
    expect(synced.json()).toMatchObject({ outcome: 'applied', message: 'applied 4 shifts', source: { lastOutcome: 'applied', lastFile: { problems: [] }, nextCheckAt: due } });
    expect(synced.body).not.toContain(SHEET_KEY);
    expect((await app.api('POST', `/api/v1/schedules/${scheduleId}/rota-source/sync`, undefined, await app.tokenFor('viewer'))).statusCode).toBe(403);
  });

  it('reads a file with rows left out again at each check, and applies them once the person has joined', async () => {
    const file = `${GOOD}\n2026-11-24,cat@example.com,ann@example.com\n`;
    host.serve(sheet(file, '"v4"', null));
    await nextCheck();
    expect(await status()).toMatchObject({ lastOutcome: 'applied', lastFile: { applied: 3, problems: [{ line: 5, code: 'unknown_person', value: 'cat@example.com' }] } });

    // Nothing has changed: no 304 is asked for, and the same rows left out mean no write.
    const before = await revision();
    await nextCheck();
    expect(host.requests.at(-1)?.['if-none-match']).toBeUndefined();
    expect(await revision()).toBe(before);
    expect(await status()).toMatchObject({ lastOutcome: 'unchanged', lastFile: { problems: [{ line: 5, code: 'unknown_person' }] } });

    const cat = await addUser(app.deps, 'Cat');
    await nextCheck();
    expect(await revision()).toBe(before + 1);
    expect((await getSchedule(app.database.db, scheduleId)).overrides.filter((o) => o.userId === cat.id)).toHaveLength(1);
    expect(await status()).toMatchObject({ lastOutcome: 'applied', lastChangedAt: expect.not.stringContaining(app.clock.now().toISOString()), lastFile: { applied: 4, problems: [] } });

    // Every row applied: from now on the server may answer 304.
    await nextCheck();
    expect(host.requests.at(-1)?.['if-none-match']).toBe('"v4"');
    expect(await status()).toMatchObject({ lastOutcome: 'unchanged', lastMessage: 'not modified since the last applied file (304)' });
  });

  it('stops on DELETE: the pending check does nothing and the applied shifts stay', async () => {
    const kept = await overrides();
    expect((await app.api('DELETE', `/api/v1/schedules/${scheduleId}/rota-source`)).statusCode).toBe(204);
    const requests = host.requests.length;
    app.clock.advance(15 * MINUTE);
    await runner.runDue();
    expect(host.requests).toHaveLength(requests);
    expect(await overrides()).toEqual(kept);
    expect((await app.api('GET', `/api/v1/schedules/${scheduleId}/rota-source`)).statusCode).toBe(404);
    expect((await app.api('DELETE', `/api/v1/schedules/${scheduleId}/rota-source`)).statusCode).toBe(404);
  });

  it('never wrote the sheet\'s key to the logs', () => {
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.filter((line) => line.includes('rota source checked'))).not.toHaveLength(0);
    expect(logLines.filter((line) => line.includes(SHEET_KEY) || line.includes('TopSecret'))).toEqual([]);
  });

  it('never wrote the sheet\'s key to a job row', async () => {
    const jobs = await listJobs(app.database.db);
    expect(jobs.filter((j) => j.kind === 'oncall.syncRota' && j.lastError !== null)).not.toHaveLength(0);
    expect(jobs.filter((j) => JSON.stringify(j).includes('TopSecret'))).toEqual([]);
  });
});

describe.each(engines)('hikeshi schedule rota-source on %s', (engine) => {
  let database: TestDatabase;
  let host: Awaited<ReturnType<typeof startSheetHost>>;
  let url: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    host = await startSheetHost();
    url = `${host.base}/spreadsheets/d/e/${SHEET_KEY}/pub?output=csv`;
    Object.assign(process.env, { DATABASE_URL: database.url, HIKESHI_CONFIG: '', HIKESHI_SECRET_KEY: 'a test secret key of at least 32 characters' });
    const deps = { db: database.db, engine, clock: systemClock, settings: DEFAULT_SETTINGS };
    await addUser(deps, 'Ann');
    await addUser(deps, 'Bob');
    await createSchedule(deps, { name: 'Sheet', timeZone: 'Europe/London' }, SYSTEM_PRINCIPAL);
  });

  afterAll(async () => {
    process.env = saved;
    await new Promise((resolve) => host.server.close(resolve));
    await database.drop();
  });

  /** Runs the command in this process; `stdin`, when given, is piped in. */
  async function hikeshi(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), stdinIsTTY: stdin === undefined, readStdin: async () => stdin ?? '' });
    return { code, out, err };
  }
  let stdin: string | undefined;

  it('sets a source, shows it masked, syncs now with the bad row by line, and stops', async () => {
    expect((await hikeshi('schedule', 'rota-source', 'Sheet', '--url', '-')).err).toContain('--url - reads a pipe, not the terminal');
    // Piped in, the address stays out of the shell history and the process list.
    stdin = `${url}\n`;
    const set = await hikeshi('schedule', 'rota-source', 'Sheet', '--url', '-', '--every', '30', '--column', 'Backup=secondary');
    stdin = undefined;
    expect(set).toMatchObject({ code: 0, err: '' });
    expect(set.out).toContain('Syncing Sheet from its spreadsheet');
    expect(set.out).toMatch(/Source: +http:\/\/127\.0\.0\.1:\d+\/spreadsheets\/d\/e\/2PAC…\/pub\?output=… \(encrypted at rest\)/);
    expect(set.out).toMatch(/Every: +30 minutes/);

    host.serve(sheet(`${GOOD}\n2026-11-2x,bob@example.com,ann@example.com\n`, '"cli"', null));
    const synced = await hikeshi('schedule', 'rota-source', 'Sheet', '--sync-now');
    expect(synced.code).toBe(0);
    expect(synced.out).toContain('Checked now: applied: applied 3 shifts; 1 row was not applied');
    expect(synced.err).toBe('1 row was not applied:\n  line 5: "2026-11-2x" is not a date (YYYY-MM-DD) (bad_date)\n');

    host.serve({ ...sheet('', null, null), status: 500 });
    const failed = await hikeshi('schedule', 'rota-source', 'Sheet', '--sync-now', '--json');
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.out)).toMatchObject({ outcome: 'failed', source: { lastAppliedAt: expect.any(String) } });

    const shown = await hikeshi('schedule', 'rota-source', 'Sheet');
    expect(shown.out).toMatch(/Last outcome: +failed: the server answered 500/);
    for (const run of [set, synced, failed, shown]) expect(run.out + run.err).not.toContain(SHEET_KEY);

    expect((await hikeshi('schedule', 'rota-source', 'Sheet', '--off', '--sync-now')).code).toBe(2);
    expect((await hikeshi('schedule', 'rota-source', 'Sheet', '--every', '5')).err).toContain('--mode, --role, --every and --column go with --url');
    expect((await hikeshi('schedule', 'rota-source', 'Sheet', '--off')).out).toBe('No longer syncing Sheet from its spreadsheet; the shifts applied stay.\n');
    expect((await hikeshi('schedule', 'rota-source', 'Sheet')).code).toBe(1);
  });
});
