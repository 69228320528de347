import type { ServerResponse } from 'node:http';
import type { InstallOutcome } from '../../usecases/slack-install/complete-install.js';
import { message, type MessageKey, type PageLang } from './messages.js';

/** A server-rendered page of the install flow: it is reached from Slack, outside the web app. */
export interface Page {
  status: number;
  html: string;
}

export type Revocation = 'revoked' | 'kept' | 'failed' | 'none';
export type FailureKind = 'state' | 'cancelled' | 'slack' | 'other';

export const INSTALL_PATH = '/slack/install';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The callback URL carries the OAuth code: never send it on as a referrer.
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export function writePage(res: ServerResponse, page: Page): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(page.status, HEADERS);
  res.end(page.html);
}

/** The security headers alone, for pages InstallProvider writes itself. */
export function setPageHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(HEADERS)) if (name !== 'content-type') res.setHeader(name, value);
}

export function installPage(lang: PageLang, authorizeUrl: string, installersConfigured: boolean): string {
  const t = (key: MessageKey) => paragraph(message(lang, key));
  return layout(lang, message(lang, 'install.title'), [
    t('install.scopes'),
    t('install.who'),
    installersConfigured ? t('install.installers') : '',
    `<p><a class="button" href="${escapeHtml(authorizeUrl)}" data-testid="add-to-slack">${escapeHtml(message(lang, 'install.button'))}</a></p>`,
  ]);
}

export function successPage(lang: PageLang, outcome: Extract<InstallOutcome, { accepted: true }>): Page {
  const body = [
    paragraph(message(lang, 'success.body', { team: outcome.teamName, name: outcome.admin.name, id: outcome.admin.userId })),
    outcome.replacedAdminUserId ? paragraph(message(lang, 'success.replaced', { previous: outcome.replacedAdminUserId })) : '',
    link('/settings', message(lang, 'success.settings')),
  ];
  return { status: 200, html: layout(lang, message(lang, 'success.title'), body) };
}

export function refusedPage(lang: PageLang, outcome: Extract<InstallOutcome, { accepted: false }>, revocation: Revocation): Page {
  const { refusal, installer } = outcome;
  const vars = { name: installer.name, id: installer.userId, team: outcome.teamName ?? '?' };
  let reason: string;
  switch (refusal.reason) {
    case 'not_admin':
      reason = message(lang, 'refused.not_admin', { ...vars, kind: message(lang, `kind.${refusal.kind}`) });
      break;
    case 'missing_token':
      reason = message(lang, 'refused.missing_token', { token: message(lang, `token.${refusal.token}`) });
      break;
    default:
      reason = message(lang, `refused.${refusal.reason}`, vars);
  }
  const revocationText: Record<Revocation, string> = {
    revoked: message(lang, 'refused.revoked'),
    kept: message(lang, 'refused.kept'),
    failed: message(lang, 'refused.revokeFailed'),
    none: '',
  };
  const next =
    refusal.reason === 'unverified' || refusal.reason === 'missing_token'
      ? link(INSTALL_PATH, message(lang, 'refused.tryAgain'))
      : refusal.reason === 'not_admin'
        ? paragraph(message(lang, 'refused.askAdmin'))
        : '';
  const body = [
    `<p data-testid="refusal-reason" data-reason="${escapeHtml(refusal.reason)}">${escapeHtml(reason)}</p>`,
    paragraph(message(lang, 'refused.unchanged')),
    revocationText[revocation] ? `<p data-testid="revocation" data-revocation="${revocation}">${escapeHtml(revocationText[revocation])}</p>` : '',
    next,
  ];
  return { status: 403, html: layout(lang, message(lang, 'refused.title'), body) };
}

export function failurePage(lang: PageLang, kind: FailureKind, slackError?: string): Page {
  const status = { state: 400, cancelled: 200, slack: 502, other: 500 }[kind];
  const body = [paragraph(message(lang, `failed.${kind}.body`, { error: slackError ?? '' })), kind === 'cancelled' ? '' : link(INSTALL_PATH, message(lang, 'failed.startAgain'))];
  return { status, html: layout(lang, message(lang, `failed.${kind}.title`), body) };
}

export function unavailablePage(lang: PageLang, missing: readonly string[]): Page {
  const body = [
    `<p data-testid="missing">${escapeHtml(message(lang, 'unavailable.body', { names: missing.join(', ') }))}</p>`,
    missing.includes('HIKESHI_SECRET_KEY') ? paragraph(message(lang, 'unavailable.secretKey')) : '',
  ];
  return { status: 503, html: layout(lang, message(lang, 'unavailable.title'), body) };
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

function link(href: string, text: string): string {
  return `<p><a class="button" href="${escapeHtml(href)}">${escapeHtml(text)}</a></p>`;
}

function layout(lang: PageLang, title: string, body: string[]): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Hikeshi</title>
<style>
  body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", sans-serif; color: #1f2328; background: #f6f7f9; }
  main { max-width: 36rem; margin: 10vh auto; padding: 2rem 2.25rem; background: #fff; border: 1px solid #d8dde3; border-radius: 10px; }
  .brand { margin: 0 0 1rem; font-size: .85rem; letter-spacing: .04em; color: #b3261e; font-weight: 600; }
  h1 { margin: 0 0 1rem; font-size: 1.4rem; line-height: 1.3; }
  p { margin: 0 0 .9rem; }
  .button { display: inline-block; margin-top: .5rem; padding: .55rem 1.1rem; border-radius: 6px; background: #b3261e; color: #fff; text-decoration: none; font-weight: 600; }
</style>
</head>
<body>
<main>
<p class="brand">火消し Hikeshi</p>
<h1>${escapeHtml(title)}</h1>
${body.filter(Boolean).join('\n')}
</main>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
