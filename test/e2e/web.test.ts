/**
 * The web app end to end: the real server (built by `npm run build`, which `npm test` runs
 * first) on a fresh SQLite file, driven in Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'e2e');
const ADMIN_TOKEN = randomBytes(24).toString('base64url').slice(0, 32);
const USER = { name: '山田 太郎', email: 'taro@example.com', password: 'hikeshi-e2e-password', role: 'responder' };
const TITLE = '決済APIの遅延';

let server: ChildProcess | undefined;
let serverLog = '';
let baseUrl = '';
let dataDir = '';
let browser: Browser | undefined;
let page: Page;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) {
      throw new Error(`server exited with ${server.exitCode}:\n${serverLog}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${serverLog}`);
}

async function admin(method: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const optionValues = (testId: string) =>
  page.getByTestId(testId).locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));

describe('web app', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html')) || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'hikeshi-e2e-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['bin/hikeshi.js', 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`,
        HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    await waitForHealth(baseUrl, 20_000);

    await admin('POST', '/users', USER);
    await admin('POST', '/services', { name: 'checkout-api', tier: 1, description: '決済 API' });
    await admin('POST', '/services', { name: 'payments-db', tier: 1 });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    // A Japanese browser: the app must start in Japanese without being told.
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends a visitor to the login page and rejects a wrong password with the server’s message', async () => {
    await page.goto(`${baseUrl}/incidents`);
    await page.waitForURL(/\/login\?next=/);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hikeshi にログイン');

    await page.getByTestId('login-email').fill(USER.email);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByRole('alert').waitFor();
    await shot('01-login-error');

    await page.getByTestId('login-password').fill(USER.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${baseUrl}/incidents`);
    await page.getByTestId('list-empty').waitFor();
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain(USER.name);
  });

  it('declares an incident with a Japanese title, SEV2 and a service, and lands on INC-1', async () => {
    await page.getByTestId('nav-declare').click();
    await page.waitForURL(`${baseUrl}/incidents/new`);
    await page.getByTestId('declare-title').fill(TITLE);
    await page.getByTestId('declare-severity').getByText('SEV2', { exact: true }).click();
    await page.getByTestId('declare-summary').fill('決済APIのp99レイテンシが3秒を超えています。');
    await page.getByTestId('declare-services').getByText('checkout-api').click();
    await shot('02-declare');
    await page.getByTestId('declare-submit').click();

    await page.waitForURL(`${baseUrl}/incidents/INC-1`);
    await expect.poll(() => page.getByTestId('incident-reference').textContent()).toBe('INC-1');
    expect(await page.getByTestId('incident-title').textContent()).toBe(TITLE);
    expect(await page.locator('.incident-header [data-testid=severity-badge]').getAttribute('data-severity')).toBe('SEV2');
    expect(await page.locator('.incident-header [data-testid=status-badge]').getAttribute('data-status')).toBe('triage');
    expect(await page.getByTestId('incident-services').textContent()).toContain('checkout-api');
    await page.locator('[data-testid=timeline-event][data-kind="incident.declared"]').waitFor();
  });

  it('offers only allowed status moves and moves the incident to investigating', async () => {
    expect(await optionValues('status-select')).toEqual(['', 'investigating', 'identified', 'monitoring', 'resolved', 'closed']);
    await page.getByTestId('status-select').selectOption('investigating');
    await page.getByTestId('status-submit').click();
    await page.locator('.incident-header [data-testid=status-badge][data-status=investigating]').waitFor();
    // From investigating, neither closing nor going back to triage is allowed: not offered at all.
    await expect.poll(() => optionValues('status-select')).toEqual(['', 'identified', 'monitoring', 'resolved']);
    await page.locator('[data-testid=timeline-event][data-kind="status.changed"]').waitFor();
    expect(await page.getByTestId('ts-acknowledgedAt').locator('time').count()).toBe(1);
  });

  it('assigns the signed-in user as commander and adds a note to the timeline', async () => {
    await page.getByTestId('assign-me-commander').click();
    await expect.poll(() => page.getByTestId('role-control-commander').textContent()).toContain(USER.name);
    const assigned = page.locator('[data-testid=timeline-event][data-kind="role.assigned"]');
    await assigned.waitFor();
    expect(await assigned.textContent()).toContain(USER.name);

    const note = 'DBのコネクションプールが枯渇している模様。';
    await page.getByTestId('composer-body').fill(note);
    await page.getByTestId('composer-submit').click();
    const noteEvent = page.locator('[data-testid=timeline-event][data-kind=note]');
    await noteEvent.waitFor();
    expect(await noteEvent.textContent()).toContain(note);
    expect(await noteEvent.textContent()).toContain(USER.name);
    expect(await page.getByTestId('composer-body').inputValue()).toBe('');

    const kinds = await page.getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    // Oldest first, newest last; the shipped runbooks a declaration starts write their own entries.
    expect(kinds.filter((kind) => !kind?.startsWith('runbook.'))).toEqual(['incident.declared', 'status.changed', 'role.assigned', 'note']);
  });

  it('posts a status update, raises the severity and edits the summary', async () => {
    await page.getByTestId('composer-kind-status_update').click();
    await page.getByTestId('composer-body').fill('決済の一部が遅延しています。原因を調査中です。');
    await page.getByTestId('composer-submit').click();
    const update = page.locator('[data-testid=timeline-event][data-kind=status_update]');
    await update.waitFor();
    expect(await update.textContent()).toContain('原因を調査中です');

    await page.getByTestId('severity-select').selectOption('SEV1');
    await page.locator('.incident-header [data-testid=severity-badge][data-severity=SEV1]').waitFor();
    await page.locator('[data-testid=timeline-event][data-kind="severity.changed"]').waitFor();

    await page.getByTestId('edit-summary').click();
    await page.getByTestId('summary-input').fill('p99 が 3 秒超。DB 接続プールを拡張中。');
    await page.getByTestId('summary-save').click();
    await expect.poll(() => page.getByTestId('summary-text').textContent()).toBe('p99 が 3 秒超。DB 接続プールを拡張中。');
    await page.locator('[data-testid=timeline-event][data-kind="field.changed"]').waitFor();
    await shot('03-incident');
  });

  it('filters the list by status', async () => {
    await page.getByTestId('nav-incidents').click();
    await page.waitForURL(`${baseUrl}/incidents`);
    await page.getByTestId('filter-status-investigating').click();
    await page.waitForURL(/status=investigating/);
    const row = page.locator('[data-testid=incident-row][data-reference=INC-1]');
    await row.waitFor();
    expect(await row.textContent()).toContain(TITLE);
    expect(await row.textContent()).toContain(USER.name);
    await shot('04-list-investigating');

    await page.getByTestId('filter-status-investigating').click();
    await page.getByTestId('filter-status-resolved').click();
    await page.waitForURL(/status=resolved$/);
    await page.getByTestId('list-empty').waitFor();
    expect(await row.count()).toBe(0);

    await page.getByTestId('filter-clear').click();
    await row.waitFor();
  });

  it('switches the language to English and back, and remembers the choice', async () => {
    const nav = page.getByTestId('nav-incidents');
    expect(await nav.textContent()).toBe('インシデント');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('インシデント');

    await page.getByTestId('lang-en').click();
    await expect.poll(() => nav.textContent()).toBe('Incidents');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByTestId('nav-declare').textContent()).toContain('Declare incident');
    expect(await page.getByTestId('filter-status-investigating').textContent()).toContain('Investigating');
    await shot('05-list-english');

    await page.reload();
    await expect.poll(() => page.getByTestId('nav-incidents').textContent()).toBe('Incidents');

    await page.getByTestId('lang-ja').click();
    await expect.poll(() => page.getByTestId('nav-incidents').textContent()).toBe('インシデント');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.getByTestId('nav-declare').textContent()).toContain('インシデントを宣言');
  });

  it('shows the server’s problem detail when a status move is refused', async () => {
    await page.goto(`${baseUrl}/incidents/INC-1`);
    await page.getByTestId('status-select').waitFor();
    // Someone else resolves the incident meanwhile; this page still offers the moves from investigating.
    await admin('PATCH', '/incidents/INC-1', { status: 'resolved' });
    await page.getByTestId('status-select').selectOption('identified');
    await page.getByTestId('status-submit').click();
    const alert = page.getByTestId('status-control').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/resolved/);
    // The page catches up: it now offers what is allowed from resolved.
    await expect.poll(() => optionValues('status-select')).toEqual(['', 'investigating', 'closed']);
    await shot('06-refused-transition');
  });

  it('logs out', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    const response = await page.request.get(`${baseUrl}/api/v1/session`);
    expect(response.status()).toBe(401);
  });
});
