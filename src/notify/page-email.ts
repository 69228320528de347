import type { PageNotice } from '../usecases/paging/page-notice.js';

export type EmailLocale = 'en' | 'ja';

interface Words {
  subject(n: PageNotice): string;
  lead(n: PageNotice): string;
  details: string;
  level: string;
  policy: string;
  incident: string;
  pagedBy: string;
  open: string;
  footer: string;
}

const WORDS: Record<EmailLocale, Words> = {
  en: {
    subject: (n) => `${statusTag(n, 'en')}Page #${n.pageNumber}: ${oneLine(n.message)}`,
    lead: (n) =>
      n.status === 'triggered'
        ? `You are being paged${n.recipient ? `, ${n.recipient.name}` : ''}. Please acknowledge it so it stops escalating.`
        : `Page #${n.pageNumber} is ${n.status}.`,
    details: 'Details',
    level: 'Escalation level',
    policy: 'Escalation policy',
    incident: 'Incident',
    pagedBy: 'Paged by',
    open: 'Open the page to acknowledge or resolve it',
    footer: 'Sent by Hikeshi.',
  },
  ja: {
    subject: (n) => `${statusTag(n, 'ja')}呼び出し #${n.pageNumber}: ${oneLine(n.message)}`,
    lead: (n) =>
      n.status === 'triggered'
        ? `${n.recipient ? `${n.recipient.name} さん、` : ''}呼び出しです。エスカレーションを止めるには確認（Acknowledge）してください。`
        : `呼び出し #${n.pageNumber} は${n.status === 'acknowledged' ? '確認済み' : '解決済み'}です。`,
    details: '詳細',
    level: 'エスカレーションレベル',
    policy: 'エスカレーションポリシー',
    incident: 'インシデント',
    pagedBy: '呼び出した人',
    open: '呼び出しを開いて確認または解決する',
    footer: 'Hikeshi から送信されました。',
  },
};

/** The email of one page notification: plain text and a simple HTML part saying the same. */
export function pageEmail(notice: PageNotice, locale: EmailLocale = 'en'): { subject: string; text: string; html: string } {
  const w = WORDS[locale];
  const facts: [string, string][] = [
    [w.level, levelText(notice, locale)],
    ...(notice.policyName ? [[w.policy, notice.policyName] as [string, string]] : []),
    ...(notice.incident ? [[w.incident, `${notice.incident.reference} ${notice.incident.title}`] as [string, string]] : []),
    [w.pagedBy, `${notice.createdByName} (${notice.createdAt})`],
  ];
  const text = [
    w.lead(notice),
    '',
    notice.message,
    ...(notice.details ? ['', `${w.details}:`, notice.details] : []),
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    `${w.open}: ${notice.pageUrl}`,
    '',
    '-- ',
    w.footer,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>${escapeHtml(w.lead(notice))}</p>`,
    `<h2 style="margin:0.5em 0">${escapeHtml(notice.message)}</h2>`,
    ...(notice.details ? [`<p><strong>${escapeHtml(w.details)}</strong></p><pre style="white-space:pre-wrap">${escapeHtml(notice.details)}</pre>`] : []),
    '<table cellpadding="4">',
    ...facts.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    '</table>',
    `<p><a href="${escapeHtml(notice.pageUrl)}">${escapeHtml(w.open)}</a></p>`,
    `<p style="color:#666">${escapeHtml(w.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: w.subject(notice), text, html };
}

function levelText(notice: PageNotice, locale: EmailLocale): string {
  if (notice.cycle === 0) return String(notice.level);
  return locale === 'ja' ? `${notice.level}（繰り返し ${notice.cycle} 回目）` : `${notice.level} (repeat ${notice.cycle})`;
}

function statusTag(notice: PageNotice, locale: EmailLocale): string {
  if (notice.status === 'triggered') return '';
  if (locale === 'ja') return notice.status === 'acknowledged' ? '[確認済み] ' : '[解決済み] ';
  return notice.status === 'acknowledged' ? '[Acknowledged] ' : '[Resolved] ';
}

/** A subject is one line: a multi-line message would be folded oddly or refused. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return [...line].length > 120 ? `${[...line].slice(0, 119).join('')}…` : line;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
