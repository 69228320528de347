/**
 * Runbooks and postmortems end to end: the built server (`npm run build`) on a fresh SQLite
 * file with a runbooks folder of its own, driven in Debian's Chromium through playwright-core.
 * A runbook is run through the wizard on an incident (every answer type, a task, a confirmed
 * action, Back, and a branch taking the path the answer says), the postmortem is filled until
 * it is ready (100%) and exported as Markdown, and the runbook editor flags a mistake at its
 * line as it is typed. Screenshots land in test-results/e2e/runbooks-*.png, in English and Japanese.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'e2e');
const ADMIN_TOKEN = 'e2e-runbooks-admin-token-0123456789';
const PASSWORD = 'hikeshi-e2e-password';
const ANA = { name: 'Ana Silva', email: 'ana@example.com', password: PASSWORD, role: 'admin', timeZone: 'Asia/Tokyo' };
const TARO = { name: '山田 太郎', email: 'taro@example.com', password: PASSWORD, role: 'responder', timeZone: 'Asia/Tokyo' };

/** Every answer type, a branch on the inquiry count, a task, a confirmed action and guidance. */
const RUNBOOK = `id: e2e-outage
title:
  en: Customer-facing outage drill
  ja: お客様影響のある障害（訓練）
triggers: [manual]
steps:
  - id: cs-inquiries
    type: ask
    question: { en: How many customer-support inquiries so far?, ja: これまでの問い合わせ件数は？ }
    answer: number
    validation: { required: true, min: 0 }
    writesTo: cs_inquiries
  - id: affected-users
    type: ask
    question: { en: How many users are affected?, ja: 影響を受けているユーザー数は？ }
    answer: number
    validation: { required: true, min: 0 }
    writesTo: affected_users
  - id: cause
    type: ask
    question: { en: Where does it seem to come from?, ja: 原因はどこにありそうですか？ }
    answer: choice
    options:
      - { value: db, label: { en: Database, ja: データベース } }
      - { value: network, label: { en: Network, ja: ネットワーク } }
      - { value: deploy, label: { en: A deploy, ja: デプロイ } }
  - id: regions
    type: ask
    question: { en: Which regions are affected?, ja: 影響のある地域は？ }
    answer: multi-choice
    options:
      - { value: tokyo, label: { en: Tokyo, ja: 東京 } }
      - { value: osaka, label: { en: Osaka, ja: 大阪 } }
      - { value: fukuoka, label: { en: Fukuoka, ja: 福岡 } }
  - id: impact-start
    type: ask
    question: { en: When did the impact start?, ja: 影響が始まったのはいつですか？ }
    answer: time
    writesTo: impact_started_at
  - id: scribe
    type: ask
    question: { en: Who keeps the notes?, ja: 記録係は誰ですか？ }
    answer: user
    writesTo: scribe
  - id: customer-facing
    type: ask
    question: { en: Can customers see it?, ja: お客様から見える障害ですか？ }
    answer: yes-no
  - id: many-inquiries
    type: branch
    cases:
      - when: { step: cs-inquiries, gte: 50 }
        goto: status-page
    default: support-macro
  - id: support-macro
    type: task
    text: { en: Give customer support a reply template., ja: カスタマーサポートに返信テンプレートを渡す。 }
    next: raise-severity
  - id: status-page
    type: task
    text: { en: Publish a notice on the status page., ja: ステータスページにお知らせを掲載する。 }
    assignee: communications
  - id: raise-severity
    type: action
    action: set-severity
    severity: SEV2
    confirm: true
  - id: keep-records
    type: info
    text: { en: Pin important messages so they reach the timeline., ja: 重要なメッセージはピン留めしてタイムラインに残しましょう。 }
    links:
      - https://sre.google/sre-book/managing-incidents/
`;

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

async function shot(name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `runbooks-${name}.png`), fullPage: true });
}

const wizard = () => page.getByTestId('run-wizard');
const currentStep = () => wizard().getByTestId('wizard-step');

/** Waits until the wizard shows the step, so each answer goes to the step the test means. */
async function atStep(id: string): Promise<void> {
  await page.locator(`[data-testid=wizard-step][data-step="${id}"]`).waitFor();
}

describe('runbooks and postmortems in the web app', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/web/index.html')) || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'hikeshi-e2e-runbooks-'));
    mkdirSync(join(dataDir, 'runbooks'));
    writeFileSync(join(dataDir, 'runbooks', 'e2e-outage.yaml'), RUNBOOK);
    writeFileSync(join(dataDir, 'hikeshi.yaml'), `runbooks: ${join(dataDir, 'runbooks')}\n`);
    server = await startServerProcess({ DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`, HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN, HIKESHI_CONFIG: join(dataDir, 'hikeshi.yaml') });

    for (const user of [ANA, TARO]) await admin('POST', '/users', user);
    const incident = await admin<{ reference: string }>('POST', '/incidents', {
      title: 'Checkout fails for card payments',
      severity: 'SEV3',
      summary: 'Card payments time out at the gateway.',
    });
    reference = incident.reference;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);

    await page.goto(`${server.url}/login?next=%2Frunbooks`);
    await page.getByTestId('login-email').fill(ANA.email);
    await page.getByTestId('login-password').fill(ANA.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/runbooks`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the runbooks of the folder with their triggers and file, read-only in the editor', async () => {
    expect(await page.getByTestId('nav-runbooks').getAttribute('aria-current')).toBe('page');
    const row = page.locator('[data-testid=runbook-row][data-runbook=e2e-outage]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Customer-facing outage drill');
    expect(await row.textContent()).toContain('Started by hand');
    expect(await row.textContent()).toContain('e2e-outage.yaml');
    await shot('01-list-en');

    await row.getByRole('link', { name: 'Customer-facing outage drill' }).click();
    await page.waitForURL(`${server!.url}/runbooks/e2e-outage/edit`);
    expect(await page.getByTestId('runbook-readonly').textContent()).toContain('e2e-outage.yaml');
    expect(await page.getByTestId('runbook-yaml').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('runbook-save').count()).toBe(0);
    await expect.poll(() => page.getByTestId('runbook-validity').getAttribute('data-valid')).toBe('true');
    const outline = page.getByTestId('outline-row');
    expect(await outline.count()).toBe(12);
    const branch = page.locator('[data-testid=outline-row][data-step=many-inquiries]');
    expect(await branch.getByTestId('outline-exit').evaluateAll((els) => els.map((e) => e.getAttribute('data-to')))).toEqual(['status-page', 'support-macro']);
    expect(await branch.textContent()).toContain('if cs-inquiries ≥ 50');
  });

  it('flags a mistake at its line while it is typed, jumps there, and saves once it is fixed', async () => {
    await page.goto(`${server!.url}/runbooks/new`);
    const editor = page.getByTestId('runbook-yaml');
    await editor.waitFor();
    await expect.poll(() => page.getByTestId('runbook-validity').getAttribute('data-valid')).toBe('true');

    // The starter's second step is `type: task` on line 17; a typo there is refused at that line.
    const text = await editor.inputValue();
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.trim() === 'type: task') + 1;
    expect(line).toBe(17);
    await editor.fill(text.replace('type: task', 'type: tsak'));
    const problem = page.locator(`[data-testid=runbook-problem][data-line="${line}"]`);
    await problem.waitFor();
    expect(await problem.textContent()).toContain('steps[1].type');
    expect(await problem.textContent()).toContain('unknown step type "tsak"');
    expect(await page.locator(`[data-testid=code-line-number][data-line="${line}"]`).getAttribute('data-mark')).toBe('error');
    expect(await page.getByTestId('runbook-save').isDisabled()).toBe(true);

    await problem.getByTestId('problem-jump').click();
    const caret = await editor.evaluate((el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split('\n').length);
    expect(caret).toBe(line);
    await shot('02-editor-error-en');

    await editor.fill(text.replace('id: my-runbook', 'id: e2e-written').replace('type: task', 'type: task'));
    await expect.poll(() => page.getByTestId('runbook-validity').getAttribute('data-valid')).toBe('true');
    await page.getByTestId('runbook-save').click();
    await page.waitForURL(`${server!.url}/runbooks/e2e-written/edit?saved`);
    await page.getByTestId('runbook-saved').waitFor();
    const saved = await admin<{ source: string; yaml: string }>('GET', '/runbooks/e2e-written');
    expect(saved.source).toBe('api');
    expect(saved.yaml).toContain('id: e2e-written');

    await page.getByTestId('lang-ja').click();
    await editor.fill(text.replace('type: task', 'type: tsak'));
    await page.locator(`[data-testid=runbook-problem][data-line="${line}"]`).waitFor();
    expect(await page.getByTestId('runbook-validity').textContent()).toBe('エラー 1 件');
    await shot('03-editor-error-ja');
    await page.getByTestId('lang-en').click();

    // A runbook written in the app can be deleted there; the folder's cannot.
    await page.getByTestId('runbook-delete').click();
    await page.getByTestId('runbook-delete-confirm').click();
    await page.waitForURL(`${server!.url}/runbooks`);
    await page.locator('[data-testid=runbook-row][data-runbook=e2e-outage]').waitFor();
    expect(await page.locator('[data-testid=runbook-row][data-runbook=e2e-written]').count()).toBe(0);
  });

  it('runs the runbook through the wizard one step at a time, with Back and the branch the answer picks', async () => {
    await page.goto(`${server!.url}/incidents/${reference}`);
    await page.getByTestId('run-start-open').click();
    await page.getByTestId('run-start-choice').selectOption('e2e-outage');
    await page.getByTestId('run-start').click();
    await atStep('cs-inquiries');
    expect(await wizard().getByTestId('run-progress').textContent()).toContain('0 of');

    await currentStep().getByTestId('answer-input').fill('120');
    await currentStep().getByTestId('answer-submit').click();
    await atStep('affected-users');
    // Back shows the earlier answer as the suggestion; answering again moves on.
    await page.getByTestId('run-back').click();
    await atStep('cs-inquiries');
    expect(await currentStep().getByTestId('answer-input').inputValue()).toBe('120');
    await currentStep().getByTestId('answer-submit').click();
    await atStep('affected-users');
    await currentStep().getByTestId('answer-input').fill('3,400');
    await currentStep().getByTestId('answer-submit').click();

    await atStep('cause');
    await currentStep().getByLabel('Database').check();
    await currentStep().getByTestId('answer-submit').click();
    await atStep('regions');
    await currentStep().getByLabel('Tokyo').check();
    await currentStep().getByLabel('Osaka').check();
    await currentStep().getByTestId('answer-submit').click();
    await atStep('impact-start');
    await currentStep().getByTestId('answer-input').fill('2026-12-01T09:05');
    await currentStep().getByTestId('answer-submit').click();
    await atStep('scribe');
    await currentStep().getByTestId('answer-input').selectOption({ label: TARO.name });
    await currentStep().getByTestId('answer-submit').click();
    await atStep('customer-facing');
    await shot('04-wizard-en');
    await currentStep().getByTestId('answer-yes').click();

    // 120 inquiries ≥ 50: the branch goes to the status page, not the support macro.
    await atStep('status-page');
    expect(await currentStep().textContent()).toContain('Publish a notice on the status page.');
    await currentStep().getByTestId('step-done').click();
    await atStep('raise-severity');
    expect(await currentStep().getByTestId('step-question').textContent()).toBe('Set the severity to SEV2');
    await currentStep().getByTestId('step-run').click();
    await atStep('keep-records');
    await currentStep().getByTestId('step-continue').click();

    await wizard().getByTestId('run-finished').waitFor();
    expect(await wizard().getAttribute('data-status')).toBe('completed');
    const answers = wizard().getByTestId('run-answer');
    expect(await answers.evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual([
      'cs-inquiries',
      'affected-users',
      'cause',
      'regions',
      'impact-start',
      'scribe',
      'customer-facing',
    ]);
    expect(await wizard().locator('[data-testid=run-answer][data-step=affected-users]').textContent()).toContain('3400');
    expect(await wizard().locator('[data-testid=run-answer][data-step=scribe]').textContent()).toContain(TARO.name);
    expect(await wizard().locator('[data-testid=run-answer][data-step=cs-inquiries]').textContent()).toContain(`by ${ANA.name}`);
    const run = page.locator('[data-testid=run-item][data-runbook=e2e-outage]');
    expect(await run.getAttribute('data-status')).toBe('completed');

    // The run's steps are on the timeline in words, a user answer by name.
    const answered = page.locator('[data-testid=timeline-event][data-kind="runbook.answered"]');
    await expect.poll(() => answered.count()).toBe(8);
    expect(await answered.filter({ hasText: 'Who keeps the notes?' }).textContent()).toContain(TARO.name);
    expect(await page.locator('[data-testid=timeline-event][data-kind="runbook.completed"]').textContent()).toContain('completed the runbook Customer-facing outage drill');

    // What the run wrote reached the incident: the confirmed action's severity and the scribe.
    await expect.poll(() => page.getByTestId('severity-badge').first().getAttribute('data-severity')).toBe('SEV2');
    const runs = await admin<{ items: Array<{ done: string[]; skipped: string[] }> }>('GET', `/incidents/${reference}/runbook-runs`);
    expect(runs.items[0]!.done).toContain('status-page');
    expect(runs.items[0]!.done).not.toContain('support-macro');
    await shot('05-run-finished-en');

    await page.getByTestId('lang-ja').click();
    await expect.poll(() => wizard().getByTestId('run-finished').textContent()).toContain('完了');
    await shot('06-run-finished-ja');
    await page.getByTestId('lang-en').click();
  });

  it('answers a step someone already answered with who did, and refreshes', async () => {
    const started = await admin<{ id: string }>('POST', `/incidents/${reference}/runbook-runs`, { runbookId: 'e2e-outage' });
    // On opening the incident, the running run shows its current step.
    await page.reload();
    await atStep('cs-inquiries');
    await admin('POST', `/runbook-runs/${started.id}/steps/cs-inquiries`, { action: 'answer', value: 3 });
    await currentStep().getByTestId('answer-input').fill('7');
    await currentStep().getByTestId('answer-submit').click();
    const stale = page.getByTestId('run-stale');
    await stale.waitFor();
    expect(await stale.textContent()).toContain('already answered');
    await atStep('affected-users');
    await admin('POST', `/runbook-runs/${started.id}/abandon`, { reason: 'drill over' });
  });

  it('fills the postmortem until it is ready for the meeting, and exports it as Markdown', async () => {
    await admin('PATCH', `/incidents/${reference}`, { status: 'resolved' });
    await page.goto(`${server!.url}/incidents/${reference}`);
    await page.getByTestId('postmortem-link').click();
    await page.waitForURL(`${server!.url}/incidents/${reference}/postmortem`);
    await page.getByTestId('pm-create').click();
    await page.getByTestId('postmortem-page').waitFor();

    const percent = () => page.getByTestId('pm-readiness').getAttribute('data-percent');
    expect(Number(await percent())).toBeLessThan(100);
    const missing = () => page.getByTestId('pm-missing-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-check')));
    expect(await missing()).toEqual(expect.arrayContaining(['timeline-reviewed', 'root-cause-written', 'severity-confirmed', 'slo-impact-recorded']));
    // The runbook's answers are already there: the impact figures count, the timeline holds them.
    expect(await missing()).not.toContain('impact-quantified');
    expect(await page.locator('[data-testid=pm-section][data-section=timeline] textarea').inputValue()).toContain('3400');
    expect(await page.locator('[data-testid=pm-section][data-section=timeline]').getAttribute('data-edited')).toBe('false');
    await shot('07-postmortem-draft-en');

    const rootCause = page.locator('[data-testid=pm-section][data-section=root-causes]');
    await rootCause.getByTestId('pm-section-text').fill('A connection pool limit at the card gateway, reached after the 10:00 deploy.');
    await rootCause.getByTestId('pm-section-text').blur();
    await expect.poll(() => rootCause.getAttribute('data-edited')).toBe('true');
    expect(await rootCause.getByTestId('pm-section-origin').textContent()).toBe('Edited');

    await page.getByTestId('pm-ai-new-title').fill('Alert on gateway pool saturation');
    await page.getByTestId('pm-ai-new-owner').selectOption({ label: TARO.name });
    await page.getByTestId('pm-ai-new-due').fill('2026-12-15');
    await page.getByTestId('pm-ai-add').click();
    await page.getByTestId('pm-action-item').first().waitFor();
    // One follow-up already past its date shows in red.
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('pm-ai-new-title').fill('Document the gateway pool limits');
    await page.getByTestId('pm-ai-new-owner').selectOption({ label: ANA.name });
    await page.getByTestId('pm-ai-new-due').fill(tenDaysAgo);
    await page.getByTestId('pm-ai-add').click();
    const overdue = page.locator('[data-testid=pm-action-item][data-overdue=true]');
    await overdue.waitFor();
    expect(await overdue.textContent()).toContain('Overdue');
    expect(await overdue.locator('input[type=date]').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(229, 72, 77)');
    expect(await page.locator('[data-testid=pm-action-item][data-overdue=false]').count()).toBe(1);

    await page.getByTestId('pm-timeline-reviewed').check();
    await expect.poll(missing).not.toContain('timeline-reviewed');
    await page.getByTestId('pm-severity-confirmed').check();
    await expect.poll(missing).not.toContain('severity-confirmed');
    await page.getByTestId('pm-slo-note').fill('Used 35% of the monthly checkout availability budget.');
    await page.getByTestId('pm-slo-note').blur();
    await expect.poll(percent).toBe('100');
    expect(await page.getByTestId('pm-readiness-percent').textContent()).toBe('100%');
    expect(await page.getByTestId('pm-missing-item').count()).toBe(0);

    // The incident moves on after the draft: regeneration refreshes what Hikeshi wrote and keeps what people wrote.
    const summary = page.locator('[data-testid=pm-section][data-section=summary]').getByTestId('pm-section-text');
    await summary.fill('Card payments failed for 40 minutes; 3,400 customers could not check out.');
    await summary.blur();
    await expect.poll(() => page.locator('[data-testid=pm-section][data-section=summary]').getAttribute('data-edited')).toBe('true');
    await admin('PATCH', `/incidents/${reference}`, { summary: 'The card gateway refused new connections after the 10:00 deploy.' });
    await page.getByTestId('pm-regenerate').click();
    const toast = page.getByTestId('pm-toast');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Kept your edits in: Summary');
    expect(await summary.inputValue()).toContain('3,400 customers could not check out');
    expect(await rootCause.getByTestId('pm-section-text').inputValue()).toContain('connection pool limit');
    await shot('08-postmortem-ready-en');

    const href = await page.getByTestId('pm-export').getAttribute('href');
    expect(href).toBe(`/api/v1/incidents/${reference}/postmortem.md?lang=en`);
    const download = page.waitForEvent('download');
    await page.getByTestId('pm-export').click();
    const markdown = await (await download).createReadStream().then(async (stream) => {
      let text = '';
      for await (const chunk of stream) text += chunk;
      return text;
    });
    for (const expected of ['connection pool limit', 'Alert on gateway pool saturation', TARO.name, '2026-12-15', '35% of the monthly', '3400']) {
      expect(markdown).toContain(expected);
    }

    await page.getByTestId('lang-ja').click();
    await expect.poll(() => page.getByTestId('pm-export').getAttribute('href')).toBe(`/api/v1/incidents/${reference}/postmortem.md?lang=ja`);
    expect(await page.locator('[data-testid=pm-section][data-section=root-causes] h2').textContent()).toBe('根本原因');
    await shot('09-postmortem-ready-ja');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByTestId('pm-regenerate').isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'runbooks-10-postmortem-print-ja.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('lang-en').click();

    // Draft → in review (a reviewer is needed) → approved → published, after which it is read-only.
    await page.getByTestId('pm-add-reviewer').selectOption({ label: ANA.name });
    await expect.poll(() => page.getByTestId('pm-reviewers').textContent()).toContain(ANA.name);
    await page.getByTestId('pm-to-in_review').click();
    await expect.poll(() => page.getByTestId('pm-status').textContent()).toBe('In review');
    await page.getByTestId('pm-approve').click();
    await expect.poll(() => page.getByTestId('pm-reviewers').textContent()).toContain('Approved');
    await page.getByTestId('pm-to-published').click();
    await expect.poll(() => page.getByTestId('pm-status').textContent()).toBe('Published');
    expect(await rootCause.getByTestId('pm-section-text').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('pm-ai-add').count()).toBe(0);
  });
});
