/**
 * The Slack install and the settings page in a real browser: the built server against the
 * Slack emulator, driven in Debian's Chromium. Needs `npm run build` first (npm test runs it).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { startSlackEmulator, type OAuthClient, type SlackEmulator } from '../slack-emulator/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'e2e');
const ADMIN_TOKEN = 'e2e-settings-admin-token-0123456789';
const ADMIN = { name: '管理 花子', email: 'hanako@example.com', password: 'hikeshi-e2e-password', role: 'admin' };

let emulator: SlackEmulator;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let dataDir = '';
const people = { owner: '', member: '' };

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** The "Add to Slack" link of a fresh /slack/install page, as `installer`. */
async function addToSlackAs(installer: string): Promise<void> {
  await page.goto(`${server!.url}/slack/install`);
  const href = await page.getByTestId('add-to-slack').getAttribute('href');
  const url = new URL(href!);
  url.searchParams.set('emulator_user', installer);
  await page.goto(url.toString());
}

describe('Slack install and settings page', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html')) || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'hikeshi-e2e-settings-'));

    const oauth: OAuthClient = { clientId: 'e2e-client-id', clientSecret: 'e2e-client-secret' };
    emulator = await startSlackEmulator({ oauth });
    const ws = emulator.workspace;
    people.owner = ws.addUser({ name: 'olivia', real_name: 'Olivia Owner', kind: 'primary_owner' }).id;
    people.member = ws.addUser({ name: 'mia', real_name: 'Mia Member' }).id;

    server = await startServerProcess({
      DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`,
      HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN,
      SLACK_CLIENT_ID: oauth.clientId!,
      SLACK_CLIENT_SECRET: oauth.clientSecret!,
      SLACK_STATE_SECRET: 'e2e-state-secret-0123456789',
      SLACK_SIGNING_SECRET: 'e2e-signing-secret-0123456789',
      SLACK_API_URL: emulator.url,
    });
    // Slack sends the browser back to the app's configured redirect URL, known once the server listens.
    oauth.redirectUri = `${server.url}/slack/oauth_redirect`;
    const created = await fetch(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(created.status).toBe(201);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await emulator?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('an owner installs through the browser; the state cookie survives the round trip to Slack', async () => {
    await page.goto(`${server!.url}/slack/install`);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await shot('settings-01-install-page');
    await addToSlackAs(people.owner);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hikeshi をインストールしました');
    expect(await page.textContent('main')).toContain('Olivia Owner');
  });

  it('a member’s re-install is refused with a page that says why', async () => {
    await addToSlackAs(people.member);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('インストールを拒否しました');
    expect(await page.getByTestId('refusal-reason').getAttribute('data-reason')).toBe('not_admin');
    expect(await page.getByTestId('revocation').getAttribute('data-revocation')).toBe('revoked');
    await shot('settings-02-refused');
  });

  it('shows the token mode, the admin token holder and scopes, in Japanese and English', async () => {
    await page.goto(`${server!.url}/login?next=%2Fsettings`);
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server!.url}/settings`);

    const mode = page.getByTestId('token-mode');
    await mode.waitFor();
    expect(await mode.getAttribute('data-mode')).toBe('bot_and_admin');
    expect(await page.getByTestId('admin-holder').textContent()).toContain(people.owner);
    expect(await page.getByTestId('admin-scopes').textContent()).toContain('channels:write.invites');
    expect(await page.getByTestId('slack-team').textContent()).toContain('Emulated Workspace');
    expect(await page.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');
    expect(await page.textContent('body')).not.toMatch(/xox[bp]-/);
    await shot('settings-03-ja');

    await page.getByTestId('lang-en').click();
    await expect.poll(() => mode.textContent()).toBe('Bot token, admin token for guests');
    await shot('settings-04-en');
  });
});
