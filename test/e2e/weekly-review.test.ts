/**
 * The weekly review end to end: the built server on a fresh SQLite file, a week with several
 * incidents and an SLO fed through the push endpoint, rendered in Debian's Chromium (en, ja and
 * print-emulated), and the Markdown export. Screenshots land in test-results/e2e/weekly-review-*.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'e2e');
const ADMIN_TOKEN = 'e2e-weekly-admin-token-0123456789ab';
const ANA = { name: 'Ana Silva', email: 'ana@example.com', password: 'hikeshi-e2e-password', role: 'admin', timeZone: 'Asia/Tokyo' };
const MIN = 60_000;

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let dataDir = '';
let week = '';

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server!.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function shot(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `weekly-review-${name}.png`), fullPage: true });
}

describe('the weekly review in the web app', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'hikeshi-e2e-weekly-'));
    writeFileSync(join(dataDir, 'hikeshi.yaml'), `runbooks: ${join(dataDir, 'runbooks')}\nslos: ${join(dataDir, 'slos')}\nreports:\n  timeZone: Asia/Tokyo\n`);
    mkdirSync(join(dataDir, 'runbooks'));
    mkdirSync(join(dataDir, 'slos'));
    server = await startServerProcess({ DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`, HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN, HIKESHI_CONFIG: join(dataDir, 'hikeshi.yaml') });
    await admin('POST', '/users', ANA);
    await admin('POST', '/services', { name: 'checkout' });
    await admin('POST', '/services', { name: 'search' });
    await admin('POST', '/slos', { id: 'checkout-availability', service: 'checkout', objective: 99, window: '7d', sli: { push: true } });
    // The last two hours of SLI data, with 20 minutes of 2 % errors in the middle.
    const now = Date.now();
    const first = Math.floor(now / (60 * MIN)) * 60 * MIN - 2 * 60 * MIN;
    const buckets = Array.from({ length: 120 }, (_, m) => ({ start: new Date(first + m * MIN).toISOString(), good: m >= 50 && m < 70 ? 98 : 100, total: 100 }));
    await admin('POST', '/slos/checkout-availability/events', { buckets });
    const incidents = [
      { title: 'Checkout returns 502', severity: 'SEV1', services: ['checkout'], impact: first + 50 * MIN, mitigated: first + 65 * MIN },
      { title: '検索が遅い', severity: 'SEV3', services: ['search'], impact: first + 10 * MIN, mitigated: first + 30 * MIN },
      { title: 'Login errors for some users', severity: 'SEV2', services: ['checkout'], impact: first + 80 * MIN, mitigated: first + 90 * MIN },
    ];
    for (const incident of incidents) {
      const created = await admin<{ reference: string }>('POST', '/incidents', { title: incident.title, severity: incident.severity, services: incident.services });
      await admin('PATCH', `/incidents/${created.reference}`, { status: 'resolved', impactStartedAt: new Date(incident.impact).toISOString(), mitigatedAt: new Date(incident.mitigated).toISOString() });
    }
    await admin('POST', '/incidents/INC-1/action-items', { title: 'Alert on checkout 5xx', dueDate: '2026-01-05' });
    week = (await admin<{ week: string }>('GET', `/reports/weekly?week=${isoWeek(now)}`)).week;

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'] });
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login?next=${encodeURIComponent(`/reports/weekly?week=${week}`)}`);
    await page.getByTestId('login-email').fill(ANA.email);
    await page.getByTestId('login-password').fill(ANA.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('weekly-review').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('renders the SLO table, the burndown chart, the incidents and the durations', async () => {
    await page.getByTestId('review-slos').waitFor();
    expect(await page.getByTestId('review-slos').innerText()).toContain('checkout');
    await page.locator('[data-testid=burndown-chart] canvas').waitFor();
    const incidents = await page.getByTestId('review-incidents').innerText();
    expect(incidents).toContain('Checkout returns 502');
    expect(incidents).toContain('検索が遅い');
    expect(await page.getByTestId('review-durations').innerText()).toMatch(/Time to mitigate\s+15 min/);
    await shot('en');
  });

  it('exports Markdown', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('review-export').click();
    const file = await (await download).path();
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toContain(`# Weekly review ${week} — Organisation`);
    expect(markdown).toContain('| INC-1 | SEV1 | Checkout returns 502 |');
  });

  it('prints cleanly and reads in Japanese', async () => {
    await page.emulateMedia({ media: 'print' });
    await shot('print');
    expect(await page.locator('.review-controls').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => localStorage.setItem('hikeshi.lang', 'ja'));
    await page.reload();
    await page.getByTestId('review-slos').waitFor();
    expect(await page.getByTestId('weekly-review').innerText()).toContain('週次レビュー');
    await shot('ja');
  });
});

function isoWeek(at: number): string {
  const date = new Date(at + 9 * 3600_000);
  const day = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3));
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
