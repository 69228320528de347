/**
 * The incident's error budget panel end to end: the built server (`npm run build`) on a fresh
 * SQLite file, two SLOs of the checkout service with minutes written into that file (the way
 * pushes store them), an incident mitigated through the API, its budget computed by the server's
 * own job, and the incident page in Debian's Chromium showing each SLO's share, bar, figures
 * and "postmortem required". Screenshots land in test-results/e2e/incident-budget-*.png (en, ja).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SloDefinition } from '../../src/domain/slo/definition.js';
import { MINUTE_MS, type MinuteBucket } from '../../src/domain/slo/types.js';
import { openDatabase, type DatabaseHandle } from '../../src/store/database.js';
import { writeMinutes } from '../../src/store/repositories/sli-data.js';
import { upsertSlo } from '../../src/store/repositories/slos.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'e2e');
const ADMIN_TOKEN = 'e2e-budget-admin-token-0123456789ab';
const ANA = { name: 'Ana Silva', email: 'ana@example.com', password: 'hikeshi-e2e-password', role: 'admin', timeZone: 'Asia/Tokyo' };

const base = { service: 'checkout', description: '', indicator: { type: 'ratio' }, source: { kind: 'push' } } as const;
/** 120,000,000 requests in 28 days at 99.9 %: a 120,000-error budget, of which the incident burns 30,600 (25.5 %). */
const AVAILABILITY: SloDefinition = { ...base, id: 'checkout-availability', name: 'checkout-availability', objective: 0.999, window: { kind: 'rolling', days: 28 }, budgeting: { kind: 'occurrences' } };
/** 30 days of minutes at 99.9 %: 43.2 bad minutes, of which the incident's 25 are 57.9 %. */
const LATENCY: SloDefinition = { ...base, id: 'checkout-latency', name: 'checkout-latency', objective: 0.999, window: { kind: 'rolling', days: 30 }, budgeting: { kind: 'timeslices', sliceTarget: 0.99 } };

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let database: DatabaseHandle | undefined;
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

async function shot(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `incident-budget-${name}.png`), fullPage: true });
}

describe('the error budget panel on the incident page', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html')) || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'hikeshi-e2e-budget-'));
    const url = `sqlite:${join(dataDir, 'e2e.db')}`;
    server = await startServerProcess({ DATABASE_URL: url, HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN });
    await admin('POST', '/users', ANA);
    const service = await admin<{ id: string }>('POST', '/services', { name: 'checkout' });

    // The impact: the 30 whole minutes before now; the incident is mitigated now.
    const impactStart = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - 30 * MINUTE_MS;
    const minute = (i: number, bad: number): MinuteBucket => ({ start: impactStart + i * MINUTE_MS, good: 100_000 - bad, total: 100_000 });
    const quiet = { start: impactStart - 2 * 24 * 60 * MINUTE_MS, good: 116_900_000, total: 116_900_000 };
    const stray = { start: impactStart - 3 * 60 * MINUTE_MS, good: 95_000, total: 100_000 };
    database = openDatabase(url);
    const now = new Date().toISOString();
    await database.db.transaction().execute(async (tx) => {
      for (const definition of [AVAILABILITY, LATENCY]) await upsertSlo(tx, { definition, serviceId: service.id, origin: 'api', file: null, createdAt: now, updatedAt: now });
      await writeMinutes(tx, { id: AVAILABILITY.id, budgeting: AVAILABILITY.budgeting }, [quiet, stray, ...Array.from({ length: 30 }, (_, i) => minute(i, 1_020))], 'push', now);
      await writeMinutes(tx, { id: LATENCY.id, budgeting: LATENCY.budgeting }, Array.from({ length: 30 }, (_, i) => minute(i, i < 25 ? 5_000 : 0)), 'push', now);
    });

    const incident = await admin<{ reference: string }>('POST', '/incidents', { title: 'Checkout fails for card payments', severity: 'SEV2', services: ['checkout'] });
    reference = incident.reference;
    await admin('PATCH', `/incidents/${reference}`, { impactStartedAt: new Date(impactStart).toISOString() });
    await admin('PATCH', `/incidents/${reference}`, { status: 'monitoring' });
    // The server's job runner computes the figures shortly after the mitigation commits.
    const deadline = Date.now() + 30_000;
    while ((await admin<{ impacts: unknown[] }>('GET', `/incidents/${reference}/slo-impact`)).impacts.length < 2) {
      if (Date.now() > deadline) throw new Error(`no budget figures 30 s after mitigation: ${server.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }

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
  }, 120_000); // a cold server start, migrations and the budget job on a loaded two-core machine

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.db.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows each SLO’s share with its bar and figures, largest first, and that a postmortem is required', async () => {
    const panel = page.getByTestId('slo-budget-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-required')).toBe('true');
    expect(await page.getByTestId('slo-budget-required').textContent()).toBe('Postmortem required');
    const rows = page.getByTestId('slo-budget-row');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-slo')))).toEqual(['checkout-latency', 'checkout-availability']);
    expect(await page.getByTestId('slo-budget-share').allTextContents()).toEqual(['57.9 %', '25.5 %']);
    expect(await page.getByTestId('slo-budget-figures').allTextContents()).toEqual(['25 of 43.2 bad minutes', '30,600 of 120,000 errors']);
    const widths = await page.locator('.slo-budget-fill').evaluateAll((els) => els.map((e) => (e as HTMLElement).style.width));
    expect(widths.map((w) => Number.parseFloat(w).toFixed(1))).toEqual(['57.9', '25.5']);
    expect(await page.getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(
      expect.arrayContaining(['slo.budget_burnt', 'postmortem.required']),
    );
    await shot('en');
  });

  it('says the same in Japanese', async () => {
    await page.getByTestId('lang-ja').click();
    await expect.poll(() => page.getByTestId('slo-budget-required').textContent()).toBe('ポストモーテム必須');
    expect(await page.locator('#slo-budget-heading').textContent()).toBe('エラーバジェット');
    expect(await page.getByTestId('slo-budget-figures').allTextContents()).toEqual(['不良 43.2 分中 25 分', 'エラー 120,000 件中 30,600 件']);
    await shot('ja');
    await page.getByTestId('lang-en').click();
  });
});
