/**
 * The incident's facts and the severity policy end to end: the built server (`npm run build`)
 * with the shipped severity.yaml, an incident in Debian's Chromium whose facts are edited in
 * the Facts panel. Raising cs_inquiries past 50 makes it SEV2 at once (the rule quoted on the
 * timeline); lowering it is only proposed, and one click confirms. A refused value is shown at
 * its field. Screenshots land in test-results/e2e/incident-facts-*.png (en, ja).
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
const ADMIN_TOKEN = 'e2e-facts-admin-token-0123456789abc';
const ANA = { name: 'Ana Silva', email: 'ana@example.com', password: 'hikeshi-e2e-password', role: 'admin', timeZone: 'Asia/Tokyo' };

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let dataDir = '';
let reference = '';

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

const severity = async () => (await admin<{ severity: string }>('GET', `/incidents/${reference}`)).severity;

async function setNumber(key: string, value: string): Promise<void> {
  const input = page.locator(`#fact-input-${key}`);
  await input.fill(value);
  await input.press('Enter');
}

describe('incident facts and the severity policy in the web app', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html')) || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'hikeshi-e2e-facts-'));
    // The server runs in the repository root, so it loads the shipped ./severity.yaml.
    server = await startServerProcess({ DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`, HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN });
    await admin('POST', '/users', ANA);
    reference = (await admin<{ reference: string }>('POST', '/incidents', { title: 'Ride bookings fail in Tokyo' })).reference;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo', viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/login?next=${encodeURIComponent(`/incidents/${reference}`)}`);
    await page.getByTestId('login-email').fill(ANA.email);
    await page.getByTestId('login-password').fill(ANA.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/incidents/${reference}`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('60 inquiries make the incident SEV2 at once, with the rule quoted on the timeline', async () => {
    await page.getByTestId('facts-panel').waitFor();
    expect(await severity()).toBe('SEV4');
    await setNumber('cs_inquiries', '60');
    await expect.poll(severity).toBe('SEV2');
    await expect.poll(() => page.getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(
      expect.arrayContaining(['field.changed', 'severity.changed']),
    );
    await page.getByTestId('record-inquiry').click();
    await expect.poll(() => page.locator('#fact-input-cs_inquiries').inputValue()).toBe('61');
  });

  it('a value the field refuses is shown at the field, and nothing changes', async () => {
    await setNumber('affected_users', '-5');
    await expect.poll(() => page.getByTestId('fact-affected_users').locator('.field-error').textContent()).toMatch(/0|negative|least/i);
    expect((await admin<{ fields: Record<string, unknown> }>('GET', `/incidents/${reference}`)).fields.affected_users ?? null).toBeNull();
  });

  it('a milder result is only proposed; one click confirms it', async () => {
    await page.locator('#fact-input-affected_users').fill('');
    await setNumber('cs_inquiries', '12');
    await page.getByTestId('severity-proposal').waitFor();
    expect(await severity()).toBe('SEV2');
    expect(await page.getByTestId('severity-proposal').getAttribute('data-why')).toBe('milder');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'incident-facts-en.png'), fullPage: true });
    await page.getByTestId('lang-ja').click();
    await expect.poll(() => page.locator('#facts-heading').textContent()).toBe('事実');
    await page.screenshot({ path: join(SHOTS, 'incident-facts-ja.png'), fullPage: true });
    await page.getByTestId('lang-en').click();
    await page.getByTestId('severity-proposal-confirm').click();
    await expect.poll(severity).toBe('SEV3');
    await page.getByTestId('severity-proposal').waitFor({ state: 'detached' });
  });
});
