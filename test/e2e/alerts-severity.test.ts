/**
 * Alerts, integrations and the severity policy end to end: the built server (`npm run build`)
 * on a fresh SQLite file with a severity policy file of its own, driven in Debian's Chromium
 * through playwright-core. An integration is created in the app and its Alertmanager receiver
 * carries this server's URL and the token shown once; an Alertmanager payload posted to that
 * URL appears in the alerts list, is acknowledged and resolved there; the severity editor fails
 * a broken example live at its line, and saves once it is fixed. Screenshots land in
 * test-results/e2e/alerts-*.png, in English and Japanese.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'e2e');
const ADMIN_TOKEN = 'e2e-alerts-admin-token-0123456789ab';
const ANA = { name: 'Ana Silva', email: 'ana@example.com', password: 'hikeshi-e2e-password', role: 'admin', timeZone: 'Asia/Tokyo' };

/** Two rules and an example for each; the inquiries threshold is the one the test breaks. */
const POLICY = `version: 1
rules:
  - id: personal-data-exposed
    severity: SEV1
    reason:
      en: Personal data was exposed
      ja: 個人情報が漏えいした
    when: { field: personal_data_exposed, op: eq, value: true }
  - id: many-inquiries
    severity: SEV2
    reason:
      en: 50 or more customer inquiries
      ja: 問い合わせが 50 件以上
    when: { field: cs_inquiries, op: gte, value: 50 }
examples:
  - name: personal data is SEV1
    facts: { personal_data_exposed: true }
    expect: SEV1
  - name: 50 inquiries make it SEV2
    facts: { cs_inquiries: 50 }
    expect: SEV2
`;

/** Alertmanager's webhook body (version 4) for one firing alert. */
function alertmanagerPayload(status: 'firing' | 'resolved') {
  const labels = { alertname: 'CheckoutLatencyHigh', service: 'checkout', env: 'production', severity: 'critical' };
  return {
    version: '4',
    groupKey: '{}:{alertname="CheckoutLatencyHigh"}',
    truncatedAlerts: 0,
    status,
    receiver: 'hikeshi',
    groupLabels: { alertname: 'CheckoutLatencyHigh' },
    commonLabels: labels,
    commonAnnotations: { summary: 'Checkout p99 latency above 2 s' },
    externalURL: 'http://alertmanager.example.org:9093',
    alerts: [
      {
        status,
        labels,
        annotations: { summary: 'Checkout p99 latency above 2 s', runbook_url: 'https://runbooks.example.org/checkout' },
        startsAt: '2026-12-01T08:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example.org:9090/graph?g0.expr=latency',
        fingerprint: 'c0ffee0123456789',
      },
    ],
  };
}

let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
let dataDir = '';
let integration: { id: string; token: string; alertsUrl: string } | undefined;

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
  await page.screenshot({ path: join(SHOTS, `alerts-${name}.png`), fullPage: true });
}

/** The same page in Japanese, then back to English. */
async function shotInJapanese(name: string, check: () => Promise<void>): Promise<void> {
  await page.getByTestId('lang-ja').click();
  await check();
  await shot(`${name}-ja`);
  await page.getByTestId('lang-en').click();
}

const alertRow = () => page.locator('[data-testid=alert-row]', { hasText: 'CheckoutLatencyHigh' });

describe('alerts, integrations and the severity policy in the web app', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html')) || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'hikeshi-e2e-alerts-'));
    writeFileSync(join(dataDir, 'severity.yaml'), POLICY);
    writeFileSync(join(dataDir, 'hikeshi.yaml'), `severityPolicy: ${join(dataDir, 'severity.yaml')}\n`);
    server = await startServerProcess({ DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`, HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN, HIKESHI_CONFIG: join(dataDir, 'hikeshi.yaml') });
    await admin('POST', '/users', ANA);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo', viewport: { width: 1360, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);

    await page.goto(`${server.url}/login?next=%2Fintegrations`);
    await page.getByTestId('login-email').fill(ANA.email);
    await page.getByTestId('login-password').fill(ANA.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/integrations`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an Alertmanager integration and shows its token once, inside a receiver with this server’s URL', async () => {
    expect(await page.getByTestId('nav-alerts').getAttribute('aria-current')).toBe('page');
    await page.getByTestId('integrations-empty').waitFor();
    await page.getByTestId('integration-new').click();
    await page.waitForURL(`${server!.url}/integrations/new`);
    await page.getByTestId('integration-name').fill('Production Alertmanager');
    await page.getByTestId('integration-kind-alertmanager').check();
    await shot('01-integration-new-en');
    await page.getByTestId('integration-create').click();

    await page.getByTestId('integration-detail').waitFor();
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const token = (await page.getByTestId('token-value').getByTestId('copy-value').textContent())!;
    expect(token.length).toBeGreaterThanOrEqual(32);

    const yaml = (await page.getByTestId('config-alertmanager-yaml').getByTestId('copy-value').textContent())!;
    const receiver = parse(yaml).receivers[0].webhook_configs[0];
    const alertsUrl = `${server!.url}/api/v1/integrations/${id}/alerts`;
    expect(receiver).toEqual({ url: alertsUrl, send_resolved: true, http_config: { authorization: { type: 'Bearer', credentials: token } } });
    integration = { id, token, alertsUrl };

    await page.getByTestId('config-alertmanager-yaml').getByTestId('copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(yaml);
    await shot('02-integration-token-en');
    await shotInJapanese('02-integration-token', async () => {
      expect(await page.getByTestId('integration-token').textContent()).toContain('表示されるのはこの一度だけ');
    });

    // Left and opened again, the page never shows the token; the receiver names only its last characters.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Integrations' }).click();
    await page.locator('[data-testid=integration-row][data-name="Production Alertmanager"]').getByRole('link').click();
    await page.getByTestId('integration-detail').waitFor();
    expect(await page.getByTestId('token-value').count()).toBe(0);
    const placeholder = (await page.getByTestId('config-alertmanager-yaml').getByTestId('copy-value').textContent())!;
    expect(placeholder).not.toContain(token);
    expect(parse(placeholder).receivers[0].webhook_configs[0].http_config.authorization.credentials).toBe(`<token …${token.slice(-4)}>`);
  });

  it('lists an alert posted to the ingest URL, counts a repeat, and acknowledges and resolves it', async () => {
    const post = async (status: 'firing' | 'resolved') => {
      const response = await fetch(integration!.alertsUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${integration!.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(alertmanagerPayload(status)),
      });
      expect(response.status).toBe(202);
    };
    await post('firing');
    // Alertmanager delivers at least once: the same notification again is one alert seen twice.
    await post('firing');

    await page.getByTestId('nav-alerts').click();
    await page.waitForURL(`${server!.url}/alerts`);
    await alertRow().waitFor();
    expect(await page.getByTestId('alert-row').count()).toBe(1);
    expect(await alertRow().getAttribute('data-status')).toBe('firing');
    expect(await alertRow().getByTestId('alert-severity').getAttribute('data-severity')).toBe('critical');
    await expect.poll(() => alertRow().getByTestId('alert-occurrences').textContent()).toBe('×2');
    await shot('03-list-en');
    await shotInJapanese('03-list', async () => {
      expect(await alertRow().getByTestId('alert-status').textContent()).toBe('発生中');
    });

    await alertRow().getByTestId('alert-acknowledge').click();
    await expect.poll(() => alertRow().getAttribute('data-status')).toBe('acknowledged');

    await alertRow().getByTestId('alert-title').click();
    await page.getByTestId('alert-detail').waitFor();
    expect(await page.getByTestId('alert-labels').textContent()).toContain('CheckoutLatencyHigh');
    expect(await page.getByTestId('alert-annotations').textContent()).toContain('https://runbooks.example.org/checkout');
    const kinds = await page.getByTestId('alert-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toContain('triggered');
    expect(kinds).toContain('acknowledged');
    await page.getByTestId('alert-payload').locator('summary').click();
    expect(await page.getByTestId('alert-payload').textContent()).toContain('c0ffee0123456789');
    await shot('04-alert-en');
    await shotInJapanese('04-alert', async () => {
      expect(await page.getByTestId('alert-status').first().textContent()).toBe('確認済み');
    });

    await page.getByTestId('alert-resolve').click();
    await expect.poll(() => page.getByTestId('alert-detail').getAttribute('data-status')).toBe('resolved');
    expect(await page.getByTestId('alert-resolve').count()).toBe(0);

    // Open alerts are the default list; the resolved one is under Resolved.
    await page.goto(`${server!.url}/alerts`);
    await page.getByTestId('alerts-empty').waitFor();
    await page.getByTestId('alerts-filter-resolved').click();
    await alertRow().waitFor();
    expect(await alertRow().getAttribute('data-status')).toBe('resolved');
  });

  it('fails a broken example live at its line, and saves the policy once it is fixed', async () => {
    await page.getByTestId('alerts-tab-severity').click();
    await page.waitForURL(`${server!.url}/severity-policy`);
    const editor = page.getByTestId('severity-yaml');
    await editor.waitFor();
    await expect.poll(() => page.getByTestId('severity-validity').getAttribute('data-valid')).toBe('true');
    const inForce = Number(await page.getByTestId('severity-in-force').getAttribute('data-version'));
    expect(await page.getByTestId('severity-example').evaluateAll((els) => els.map((e) => e.getAttribute('data-passed')))).toEqual(['true', 'true']);

    // Raising the threshold past its example fails that example, at its expect line.
    const text = await editor.inputValue();
    await editor.fill(text.replace('op: gte, value: 50', 'op: gte, value: 60'));
    const failing = page.locator('[data-testid=severity-example][data-passed=false]');
    await failing.waitFor();
    expect(await failing.textContent()).toContain('50 inquiries make it SEV2');
    expect(await failing.getByTestId('severity-example-outcome').textContent()).toMatch(/Expected SEV2 · got no rule matches/);
    const expectLine = text.split('\n').findIndex((line, index, lines) => line.trim() === 'expect: SEV2' && lines[index - 2]?.includes('50 inquiries')) + 1;
    const problem = page.locator(`[data-testid=severity-problem][data-line="${expectLine}"]`);
    await problem.waitFor();
    expect(await problem.textContent()).toContain('50 inquiries make it SEV2');
    expect(await page.locator(`[data-testid=code-line-number][data-line="${expectLine}"]`).getAttribute('data-mark')).toBe('error');
    expect(await page.getByTestId('severity-save').isDisabled()).toBe(true);
    await shot('05-severity-failing-en');
    await shotInJapanese('05-severity-failing', async () => {
      expect(await page.getByTestId('severity-validity').textContent()).toBe('エラー 1 件');
    });

    // Fixed (the threshold lowered, which the example still holds), it saves as a new version.
    await editor.fill(text.replace('op: gte, value: 50', 'op: gte, value: 40'));
    await expect.poll(() => page.getByTestId('severity-validity').getAttribute('data-valid')).toBe('true');
    await page.getByTestId('severity-save').click();
    await page.getByTestId('severity-saved').waitFor();
    const saved = await admin<{ version: number; source: string; text: string }>('GET', '/severity/policy');
    expect(saved).toMatchObject({ version: inForce + 1, source: 'api' });
    expect(saved.text).toContain('op: gte, value: 40');

    // Try facts: the saved policy makes 45 inquiries SEV2, and says which rule and fact.
    await page.getByTestId('severity-facts').fill('{ "cs_inquiries": 45 }');
    await page.getByTestId('severity-evaluate').click();
    const result = page.getByTestId('severity-try-result');
    await result.waitFor();
    expect(await result.getAttribute('data-severity')).toBe('SEV2');
    expect(await result.locator('[data-testid=severity-match]').getAttribute('data-rule')).toBe('many-inquiries');
    expect(await result.textContent()).toContain('(actual: 45)');
    await shot('06-severity-saved-en');
    await shotInJapanese('06-severity-saved', async () => {
      expect(await result.textContent()).toContain('問い合わせが 50 件以上');
    });
  });
});
