/**
 * The SLO pages end to end: the built server (`npm run build`) on a fresh SQLite file, the
 * service `checkout`, a push SLO imported through the list page's form (and a refused document
 * shown with its problem at its line), minute buckets pushed through the API, then the list
 * and the detail page in Debian's Chromium showing attainment and budget left. Screenshots land
 * in test-results/e2e/slos-*.png (en, ja).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'e2e');
const ADMIN_TOKEN = 'e2e-slos-admin-token-0123456789abcd';
const ANA = { name: 'Ana Silva', email: 'ana@example.com', password: 'hikeshi-e2e-password', role: 'admin', timeZone: 'Asia/Tokyo' };
const MINUTE_MS = 60_000;

const ACCEPTED = ['id: checkout-availability', 'service: checkout', 'name: Checkout availability', 'objective: 99.9', 'window: 28d', 'sli:', '  type: ratio', '  push: true', ''].join('\n');
/** A target of 100 % leaves no budget: refused at line 3. */
const REFUSED = ['id: checkout-latency', 'service: checkout', 'objective: 100', 'window: 28d', 'sli:', '  push: true', ''].join('\n');

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let dataDir = '';

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
  await page.screenshot({ path: join(SHOTS, `slos-${name}.png`), fullPage: true });
}

async function importYaml(text: string, file: string): Promise<void> {
  await page.getByTestId('slo-import-text').fill(text);
  await page.getByTestId('slo-import-file').fill(file);
  await page.getByTestId('slo-import-submit').click();
}

describe('the SLO pages', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html')) || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'hikeshi-e2e-slos-'));
    server = await startServerProcess({ DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`, HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN });
    await admin('POST', '/users', ANA);
    await admin('POST', '/services', { name: 'checkout' });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo', viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/login?next=${encodeURIComponent('/slos')}`);
    await page.getByTestId('login-email').fill(ANA.email);
    await page.getByTestId('login-password').fill(ANA.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/slos`);
  }, 120_000); // a cold server start and migrations on a loaded two-core machine

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a document with its problem at its line and field, and saves nothing', async () => {
    expect(await page.getByTestId('nav-review').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('review-tab-slos').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('slos-empty').waitFor();
    await importYaml(REFUSED, 'latency.yaml');
    const problem = page.getByTestId('slo-import-problem');
    await problem.first().waitFor();
    expect(await problem.first().getAttribute('data-line')).toBe('3');
    const text = await problem.first().textContent();
    expect(text).toContain('latency.yaml · line 3');
    expect(text).toContain('objective');
    await shot('refused-en');
    expect((await admin<{ items: unknown[] }>('GET', '/slos')).items).toEqual([]);
  });

  it('imports a push SLO through the form and lists it under its service with no data (never 100 %)', async () => {
    await importYaml(ACCEPTED, 'checkout.yaml');
    await expect.poll(() => page.getByTestId('slo-import-done').textContent()).toBe('Saved: checkout-availability.');
    const row = page.locator('[data-testid="slo-row"][data-slo="checkout-availability"]');
    await row.waitFor();
    expect(await page.getByTestId('slo-service').getAttribute('data-service')).toBe('checkout');
    await expect.poll(() => row.getByTestId('slo-attainment').textContent()).toBe('no data');
    expect(await row.getByTestId('slo-budget-left').textContent()).toBe('no data');
    expect(await row.getByTestId('slo-burn').getAttribute('data-state')).toBe('no_data');
    expect(await row.getByTestId('slo-source').textContent()).toBe('push');
    expect(await row.textContent()).toContain('saved in app');
  });

  it('shows attainment and budget left after minutes are pushed, on the list and the detail page', async () => {
    // 30 minutes of 1,000 requests; one minute has 15 errors: 29,985 / 30,000 good, a 30-error budget half spent.
    const first = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - 30 * MINUTE_MS;
    const buckets = Array.from({ length: 30 }, (_, i) => ({ start: new Date(first + i * MINUTE_MS).toISOString(), good: i === 10 ? 985 : 1_000, total: 1_000 }));
    expect(await admin('POST', '/slos/checkout-availability/events', { buckets })).toEqual({ accepted: 30 });

    await page.reload();
    const row = page.locator('[data-testid="slo-row"][data-slo="checkout-availability"]');
    await expect.poll(() => row.getByTestId('slo-attainment').textContent()).toBe('99.950 %');
    expect(await row.getByTestId('slo-budget-left').textContent()).toBe('50.0 %');
    expect(Number.parseFloat(await row.locator('.slo-bar-fill').evaluate((el) => (el as HTMLElement).style.width))).toBeCloseTo(50, 5);
    expect(await row.getByTestId('slo-burn').getAttribute('data-state')).toBe('ok');
    await shot('list-en');

    await row.getByRole('link', { name: 'Checkout availability' }).click();
    await page.waitForURL(`${server!.url}/slos/checkout-availability`);
    await expect.poll(() => page.getByTestId('slo-detail-attainment').textContent()).toBe('99.950 %');
    expect(await page.getByTestId('slo-detail-left').textContent()).toBe('50.0 %');
    expect(await page.getByTestId('slo-budget-figures').locator('td').allTextContents()).toEqual(['30 bad events', '15 bad events', '15 bad events']);
    expect(await page.getByTestId('slo-burn-rates').locator('th').allTextContents()).toEqual(['5m', '30m', '1h', '6h', '3d']);
    expect(await page.getByTestId('slo-checks').locator('li').count()).toBe(3);
    expect(await page.getByTestId('slo-yaml').textContent()).toBe(['id: checkout-availability', 'service: checkout', 'name: Checkout availability', 'objective: 99.9', 'window: 28d', 'budgeting: occurrences', 'sli:', '  type: ratio', '  push: true', ''].join('\n'));
    expect(await page.getByTestId('slo-delete').isVisible()).toBe(true);
    await shot('detail-en');
  });

  it('says the same in Japanese', async () => {
    await page.getByTestId('lang-ja').click();
    await expect.poll(() => page.getByTestId('slo-budget-figures').locator('td').first().textContent()).toBe('不良イベント 30 件');
    expect(await page.getByTestId('review-tab-review').textContent()).toBe('週次レビュー');
    await shot('detail-ja');
    await page.getByTestId('review-tab-slos').click();
    await page.waitForURL(`${server!.url}/slos`);
    await expect.poll(() => page.locator('[data-testid="slo-row"] [data-testid="slo-attainment"]').textContent()).toBe('99.950 %');
    expect(await page.getByTestId('slo-import').locator('h2').textContent()).toBe('SLO の取り込み・追加');
    await shot('list-ja');
    await page.getByTestId('lang-en').click();
  });

  it('deletes an SLO saved in the app from its page', async () => {
    await page.locator('[data-testid="slo-row"] .slo-name').click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('slo-delete').click();
    await page.waitForURL(`${server!.url}/slos`);
    await page.getByTestId('slos-empty').waitFor();
    expect((await admin<{ items: unknown[] }>('GET', '/slos')).items).toEqual([]);
  });
});
