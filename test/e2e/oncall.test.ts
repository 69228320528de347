/**
 * The on-call and paging pages end to end: the built server (`npm run build`) on a fresh
 * SQLite file, seeded through the API, driven in Debian's Chromium through playwright-core.
 * Screenshots land in test-results/e2e/oncall-*.png, in English and Japanese.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'e2e');
const ADMIN_TOKEN = 'e2e-oncall-admin-token-0123456789';
const ZONE = 'Asia/Tokyo';
const PASSWORD = 'hikeshi-e2e-password';
const ANA = { name: 'Ana Silva', email: 'ana@example.com', password: PASSWORD, role: 'admin', timeZone: ZONE };
const BEN = { name: 'Ben Carter', email: 'ben@example.com', password: PASSWORD, role: 'responder', timeZone: ZONE };
const TARO = { name: '山田 太郎', email: 'taro@example.com', password: PASSWORD, role: 'responder', timeZone: ZONE };
const HOUR = 3_600_000;

let server: ServerProcess | undefined;
/** Serves the published spreadsheet rota (CSV) the schedule syncs from. */
let sheet: Server | undefined;
let browser: Browser | undefined;
let page: Page;
let dataDir = '';
let scheduleId = '';
/** The gap the seeded schedule leaves, inside the current week (Tokyo). */
let gap = { start: 0, end: 0 };

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

/** Full-page screenshots from the top, so the sticky top bar stays where people see it. */
async function shot(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `oncall-${name}.png`), fullPage: true });
}
const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE });
/** A datetime-local value in the schedule's zone. */
const wall = (ms: number) => local(ms).toFormat("yyyy-MM-dd'T'HH:mm");

async function whoIsOnCallNow(): Promise<string | null> {
  const answer = await admin<{ items: Array<{ user: { name: string } | null }> }>('GET', `/oncall?schedule=${scheduleId}`);
  return answer.items[0]?.user?.name ?? null;
}

/**
 * Layer 1 rotates Ana and Ben daily at 09:00 and stops at the gap; layer 2 (Taro, then Ana,
 * weekly) starts when the gap ends, so Ana, who signs in, always has shifts ahead. The gap is three hours just after now, or just before now late
 * on a Sunday, so it always falls in this week's view.
 */
function seedSchedule(now: number) {
  const weekEnd = local(now).startOf('week').plus({ weeks: 1 }).toMillis();
  const afterNow = Math.ceil(now / HOUR) * HOUR + HOUR;
  gap = afterNow + 3 * HOUR <= weekEnd ? { start: afterNow, end: afterNow + 3 * HOUR } : { start: Math.floor(now / HOUR) * HOUR - 4 * HOUR, end: Math.floor(now / HOUR) * HOUR - HOUR };
  const taroStart = local(gap.end);
  return {
    name: 'Primary',
    timeZone: ZONE,
    description: '決済基盤の一次対応',
    layers: [
      {
        name: 'Weekday rota',
        participants: [ANA.email, BEN.email],
        rotation: { unit: 'days', length: 1 },
        handoffTime: '09:00',
        startDate: local(now).minus({ days: 14 }).toISODate(),
        end: new Date(gap.start).toISOString(),
      },
      {
        name: 'Cover',
        participants: [TARO.email, ANA.email],
        rotation: { unit: 'weeks', length: 1 },
        handoffTime: taroStart.toFormat('HH:mm'),
        startDate: taroStart.toISODate(),
      },
    ],
  };
}

/** On a busy machine the server can take longer to start than the helper waits. */
async function untilHealthy(url: string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (server?.child.exitCode !== null) throw new Error(`server exited: ${server?.output()}`);
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not healthy after 45 s: ${server?.output()}`);
}

/** A sheet three weeks ahead (outside this week's view): one good row, one naming nobody we know. */
async function publishRota(): Promise<void> {
  const day = local(Date.now()).plus({ weeks: 3 }).toISODate();
  const csv = `date,primary\n${day},${TARO.email}\n${day},nobody@example.com\n`;
  sheet = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/csv' }).end(csv));
  await new Promise<void>((listening) => sheet!.listen(0, '127.0.0.1', listening));
  const address = sheet.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await admin('PUT', `/schedules/${scheduleId}/rota-source`, { url: `http://127.0.0.1:${port}/rota.csv?key=sheet-secret` });
}

describe('on-call and paging web pages', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html')) || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'hikeshi-e2e-oncall-'));
    server = await startServerProcess({ DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`, HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN });
    await untilHealthy(server.url);

    for (const user of [ANA, BEN, TARO]) await admin('POST', '/users', user);
    await admin('POST', '/teams', { name: 'Payments', description: '決済チーム', memberIds: [] });
    scheduleId = (await admin<{ id: string }>('POST', '/schedules', seedSchedule(Date.now()))).id;
    await publishRota();

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    const context = await browser.newContext({ locale: 'en-US', timezoneId: ZONE, viewport: { width: 1360, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((done) => (sheet ? sheet.close(done) : done(undefined)));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the schedule with who is on call now and the next handoff', async () => {
    await page.goto(`${server!.url}/login?next=%2Foncall`);
    await page.getByTestId('login-email').fill(ANA.email);
    await page.getByTestId('login-password').fill(ANA.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server!.url}/oncall`);
    expect(await page.getByTestId('nav-oncall').getAttribute('aria-current')).toBe('page');

    const row = page.locator('[data-testid=schedule-row][data-schedule=Primary]');
    await row.waitFor();
    const current = await whoIsOnCallNow();
    expect(current).not.toBeNull();
    expect(await row.getByTestId('schedule-now').textContent()).toContain(current);
    expect(await row.textContent()).toContain(ZONE);
    await shot('01-schedules-en');
  });

  it('draws both layers and the final shifts, ringing the person on call now and the gap in red, labelled', async () => {
    await page.locator('[data-testid=schedule-row][data-schedule=Primary]').getByRole('link', { name: 'Primary' }).click();
    await page.waitForURL(`${server!.url}/oncall/schedules/${scheduleId}`);
    await page.getByTestId('calendar').waitFor();
    expect(await page.getByTestId('schedule-zone').textContent()).toContain(`Times in ${ZONE} (GMT+9)`);

    const rows = page.getByTestId('cal-row');
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-row')))).toEqual(['layer', 'layer', 'overrides', 'final']);
    const layerOne = rows.nth(0);
    expect(await layerOne.textContent()).toContain('Weekday rota');
    // Names arrive with the user list; until then a bar shows the person's id.
    await expect.poll(() => layerOne.locator('[data-testid=cal-bar][data-user="Ana Silva"]').count()).toBeGreaterThan(0);
    expect(await layerOne.locator('[data-testid=cal-bar][data-user="Ben Carter"]').count()).toBeGreaterThan(0);
    expect(await rows.nth(1).locator(`[data-testid=cal-bar][data-user="${TARO.name}"]`).count()).toBeGreaterThan(0);

    const final = page.locator('[data-testid=cal-row][data-row=final]');
    const now = final.locator('[data-testid=cal-bar][data-now]');
    await now.waitFor();
    expect(await now.getAttribute('data-user')).toBe(await whoIsOnCallNow());
    expect(await now.textContent()).toContain('Now');
    expect(await now.getAttribute('aria-current')).toBe('true');
    await page.getByTestId('cal-now-line').waitFor();

    const gapBar = final.getByTestId('cal-gap');
    await gapBar.waitFor();
    expect(await gapBar.textContent()).toBe('Gap');
    expect(await gapBar.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(229, 72, 77)');
    const gapRows = page.getByTestId('gap-row');
    await expect.poll(() => gapRows.count()).toBe(1);
    const gapText = await gapRows.first().textContent();
    expect(gapText).toContain(local(gap.start).toFormat('HH:mm'));
    expect(gapText).toContain(local(gap.end).toFormat('HH:mm'));
    await shot('02-schedule-en');
  });

  it('adds an override through the form, showing the server’s refusal at the field it names', async () => {
    const start = Math.floor(Date.now() / HOUR) * HOUR;
    await page.getByTestId('override-user').selectOption({ label: BEN.name });
    await page.getByTestId('override-start').fill(wall(start));
    await page.getByTestId('override-end').fill(wall(start - HOUR));
    await page.getByTestId('override-submit').click();
    const endError = page.locator('[data-testid=field-error][data-field=end]');
    await endError.waitFor();
    expect(await endError.textContent()).toBe('must be after start');
    expect(await page.getByTestId('override-end').getAttribute('aria-invalid')).toBe('true');
    await shot('03-override-refused-en');

    await page.getByTestId('override-end').fill(wall(start + HOUR));
    expect(await endError.count()).toBe(0);
    await page.getByTestId('override-submit').click();

    const final = page.locator('[data-testid=cal-row][data-row=final]');
    const override = final.locator(`[data-testid=cal-bar][data-kind=override][data-user="${BEN.name}"]`);
    await override.waitFor();
    expect(await override.getAttribute('data-now')).toBe('true');
    // The overrides row and list come from the schedule, the final row from its shifts: two queries.
    await expect.poll(() => page.locator('[data-testid=cal-row][data-row=overrides] [data-testid=cal-bar]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('now-person').textContent()).toContain(BEN.name);
    await expect.poll(() => page.getByTestId('override-row').filter({ hasText: BEN.name }).count()).toBe(1);
    await shot('04-override-en');
  });

  it('switches to a month and back to this week, and shows the page in Japanese', async () => {
    await page.getByTestId('cal-view-month').click();
    await page.waitForURL(/view=month/);
    await expect.poll(() => page.getByTestId('cal-range').textContent()).toBe(local(Date.now()).toFormat('LLLL yyyy'));
    await page.locator('[data-testid=cal-row][data-row=final] [data-now]').waitFor();
    await shot('05a-month-en');
    await page.getByTestId('cal-next').click();
    await page.waitForURL(/date=/);
    await page.locator(`[data-testid=cal-row][data-row=final] [data-testid=cal-bar][data-user="${TARO.name}"]`).first().waitFor();
    expect(await page.locator('[data-testid=cal-row][data-row=final] [data-now]').count()).toBe(0);
    expect(await page.getByTestId('cal-now-line').count()).toBe(0);
    await page.getByTestId('cal-today').click();
    await page.getByTestId('cal-view-week').click();
    await page.waitForURL(`${server!.url}/oncall/schedules/${scheduleId}`);

    await page.getByTestId('lang-ja').click();
    await expect.poll(() => page.locator('[data-testid=cal-row][data-row=final] .cal-label-main').textContent()).toBe('最終スケジュール');
    expect(await page.getByTestId('cal-gap').textContent()).toBe('不在');
    expect(await page.getByTestId('nav-oncall').textContent()).toBe('オンコール');
    await shot('05b-schedule-ja');
    await page.getByTestId('lang-en').click();
  });

  it('shows the spreadsheet rota sync and the Slack user group read-only, the secret in the address masked', async () => {
    const checked = () => admin<{ lastOutcome: string | null }>('GET', `/schedules/${scheduleId}/rota-source`).then((source) => source.lastOutcome);
    await expect.poll(checked, { timeout: 15_000 }).toBe('applied');
    await page.reload();
    const rota = page.getByTestId('rota-source-panel');
    await expect.poll(() => rota.textContent()).toContain('Line 3:');
    expect(await rota.textContent()).toContain('applied');
    expect(await rota.textContent()).not.toContain('sheet-secret');
    expect(await page.getByTestId('user-group-panel').textContent()).toContain('No Slack user group follows this schedule');
    await shot('06-sync-panels-en');
  });

  it('removes the override again', async () => {
    // The other upcoming override is the spreadsheet's, three weeks ahead.
    const bens = page.getByTestId('override-row').filter({ hasText: BEN.name });
    await bens.getByTestId('override-remove').click();
    await expect.poll(() => bens.count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=cal-row][data-row=final] [data-kind=override]').count()).toBe(0);
  });

  it('lists my upcoming shifts and makes a personal calendar link, shown once', async () => {
    await page.getByTestId('nav-oncall').click();
    await page.getByTestId('oncall-tab-mine').click();
    await page.waitForURL(`${server!.url}/oncall/my-shifts`);
    const shifts = page.getByTestId('my-shift');
    await shifts.first().waitFor();
    expect(await shifts.first().textContent()).toContain('Primary');
    await page.getByTestId('calendar-create').click();
    const url = page.getByTestId('calendar-url');
    await url.waitFor();
    expect(await url.inputValue()).toMatch(new RegExp(`^${server!.url}/ical/.+\\.ics$`));
    const feed = await fetch(await url.inputValue());
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await page.getByTestId('calendar-copy').click();
    await expect.poll(() => page.getByTestId('calendar-copy').textContent()).toBe('Copied');
    await shot('07-my-shifts-en');
  });

  it('creates an escalation policy in the editor, showing a refused target at its own field', async () => {
    await page.getByTestId('nav-escalation').click();
    await page.waitForURL(`${server!.url}/escalation-policies`);
    await page.getByTestId('policy-new').click();
    await page.getByTestId('policy-name').fill('Payments critical');
    await page.getByTestId('policy-description').fill('決済が止まったとき');
    const levels = page.getByTestId('policy-level');
    await levels.nth(0).getByTestId('target-id').selectOption({ label: ANA.name });
    await levels.nth(0).getByTestId('level-delay').fill('10');
    await page.getByTestId('add-level').click();
    await levels.nth(1).getByTestId('target-type').selectOption('schedule');
    await page.getByTestId('policy-repeat').fill('2');
    await page.getByTestId('policy-save').click();

    const targetError = levels.nth(1).locator('[data-testid=field-error][data-field="levels[1].targets[0].id"]');
    await targetError.waitFor();
    expect(await levels.nth(1).getByTestId('target-id').getAttribute('aria-invalid')).toBe('true');
    expect(await levels.nth(0).getByTestId('field-error').count()).toBe(0);
    await shot('08-policy-refused-en');

    await levels.nth(1).getByTestId('target-id').selectOption({ label: 'Primary' });
    expect(await targetError.count()).toBe(0);
    expect(await page.getByTestId('policy-preview').textContent()).toBe(
      'Notify Ana Silva; after 10 min, notify whoever is on call on Primary; after 15 min, repeat twice.',
    );
    await page.getByTestId('lang-ja').click();
    await expect.poll(() => page.getByTestId('policy-preview').textContent()).toBe(
      'Ana Silva さんに通知。10 分後に Primary の当番に通知。15 分後に最初から 2 回繰り返す。',
    );
    await shot('09-policy-editor-ja');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('policy-save').click();

    await page.waitForURL(`${server!.url}/escalation-policies`);
    const card = page.locator('[data-testid=policy-card][data-policy="Payments critical"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('notify whoever is on call on Primary');
    await shot('10-policies-en');

    // Editing starts from the saved policy; moving a level changes the sentence at once.
    await card.getByRole('link', { name: 'Payments critical' }).click();
    expect(await page.getByTestId('policy-name').inputValue()).toBe('Payments critical');
    await page.getByRole('button', { name: 'Move level 2 up' }).click();
    expect(await page.getByTestId('policy-preview').textContent()).toBe(
      'Notify whoever is on call on Primary; after 15 min, notify Ana Silva; after 10 min, repeat twice.',
    );
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL(`${server!.url}/escalation-policies`);
  });

  it('pages someone from the web, lists the page, acknowledges it with the button and resolves it from its page', async () => {
    await page.getByTestId('nav-pages').click();
    await page.waitForURL(`${server!.url}/pages`);
    await page.getByTestId('pages-empty').waitFor();
    await page.getByTestId('page-new').click();
    await page.getByTestId('page-submit').click();
    expect(await page.getByTestId('page-message-input').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('page-message-input').fill('Checkout error rate above 5%');
    await page.getByTestId('page-details-input').fill('https://grafana.example.com/d/checkout');
    await page.getByTestId('page-target').selectOption({ label: 'Payments critical' });
    await shot('11-page-form-en');
    await page.getByTestId('page-submit').click();

    await page.waitForURL(/\/pages\/[^/]+$/);
    const detail = page.getByTestId('page-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-status')).toBe('triggered');
    expect(await page.getByTestId('page-message').textContent()).toBe('Checkout error rate above 5%');
    const log = page.getByTestId('notification-row');
    await expect.poll(() => log.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('notification-log').textContent()).toContain(ANA.name);
    await page.locator('[data-testid=page-event][data-kind=triggered]').waitFor();
    await shot('12-page-detail-en');

    await page.getByTestId('nav-pages').click();
    const row = page.getByTestId('page-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Checkout error rate above 5%');
    expect(await row.getByTestId('page-status').getAttribute('data-status')).toBe('triggered');
    expect(await row.textContent()).toContain(ANA.name);
    await shot('13-pages-en');

    await row.getByTestId('page-acknowledge').click();
    await expect.poll(() => row.getByTestId('page-status').getAttribute('data-status')).toBe('acknowledged');
    expect(await row.getByTestId('page-acknowledge').count()).toBe(0);

    await page.getByTestId('lang-ja').click();
    await expect.poll(() => row.getByTestId('page-status').textContent()).toBe('確認済み');
    await shot('14-pages-ja');

    await row.getByRole('link', { name: 'Checkout error rate above 5%' }).click();
    await page.locator('[data-testid=page-event][data-kind=acknowledged]').waitFor();
    expect(await page.getByTestId('page-detail').getAttribute('data-status')).toBe('acknowledged');
    expect(await page.getByTestId('page-acknowledge').count()).toBe(0);
    await shot('15-page-detail-ja');

    await page.getByTestId('page-resolve').click();
    await expect.poll(() => page.getByTestId('page-detail').getAttribute('data-status')).toBe('resolved');
    await page.locator('[data-testid=page-event][data-kind=resolved]').waitFor();
    expect(await page.getByTestId('page-resolve').count()).toBe(0);

    await page.getByTestId('nav-pages').click();
    await page.getByTestId('pages-empty').waitFor();
    await page.getByTestId('pages-filter-resolved').click();
    await page.waitForURL(/filter=resolved/);
    await expect.poll(() => page.getByTestId('page-row').count()).toBe(1);
    expect(await page.getByTestId('page-status').getAttribute('data-status')).toBe('resolved');
  });
});
