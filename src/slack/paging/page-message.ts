import { ACTION } from '../action-ids.js';
import type { Block, SlackMessage } from '../blocks/message.js';
import { escapeText, truncate } from '../blocks/text.js';

/** What a page's direct message shows, whether built from the notice or from the page after a click. */
export interface PageMessageContent {
  pageId: string;
  pageNumber: number;
  message: string;
  details: string;
  level: number;
  cycle: number;
  policyName: string | null;
  status: 'triggered' | 'acknowledged' | 'resolved';
  incident: { reference: string; title: string; url: string | null } | null;
  /** The page in the web app; null when Hikeshi does not know its public address. */
  pageUrl: string | null;
  createdByName: string;
  acknowledged: { name: string; at: string } | null;
  resolved: { name: string; at: string } | null;
}

const DETAILS_MAX = 2_500;
const MESSAGE_MAX = 500;

/**
 * The direct message of a page: what, how urgent (level, policy), where to read more, and
 * the buttons that stop the escalation. Once acknowledged it says by whom and when and keeps
 * only Resolve; once resolved it has no buttons. `text` (the notification and screen-reader
 * fallback) says the same in one line.
 */
export function pageMessage(page: PageMessageContent): SlackMessage {
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${headline(page)}\n*${escapeText(truncate(page.message, MESSAGE_MAX))}*` } },
  ];
  if (page.details) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: quote(truncate(page.details, DETAILS_MAX)) } });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: facts(page).join('  ·  ') }] });
  const buttons = actionButtons(page);
  if (buttons.length) blocks.push({ type: 'actions', block_id: `page_actions:${page.pageId}`, elements: buttons });
  return { text: fallbackText(page), blocks };
}

/** `Acknowledged by Mia Member at 14:02` (mrkdwn, the time in the reader's zone); undefined while triggered. */
export function stateLine(page: Pick<PageMessageContent, 'acknowledged' | 'resolved'>): string | undefined {
  if (page.resolved) return `Resolved by ${escapeText(page.resolved.name)} at ${slackTime(page.resolved.at)}`;
  if (page.acknowledged) return `Acknowledged by ${escapeText(page.acknowledged.name)} at ${slackTime(page.acknowledged.at)}`;
  return undefined;
}

function headline(page: PageMessageContent): string {
  const title = `Page #${page.pageNumber}`;
  switch (page.status) {
    case 'triggered':
      return `:rotating_light: *${title}*: you are being paged by ${escapeText(page.createdByName)}.`;
    case 'acknowledged':
      return `:eyes: *${title}*: ${stateLine(page) ?? 'Acknowledged'}.`;
    case 'resolved':
      return `:white_check_mark: *${title}*: ${stateLine(page) ?? 'Resolved'}.`;
  }
}

function facts(page: PageMessageContent): string[] {
  const list = [`Level ${page.level}${page.cycle > 0 ? ` (repeat ${page.cycle})` : ''}`];
  if (page.policyName) list.push(`Policy *${escapeText(page.policyName)}*`);
  if (page.incident) {
    const label = `${page.incident.reference} ${page.incident.title}`;
    list.push(`Incident ${page.incident.url ? `<${page.incident.url}|${escapeText(label)}>` : `*${escapeText(label)}*`}`);
  }
  if (page.pageUrl) list.push(`<${page.pageUrl}|Open page #${page.pageNumber} in Hikeshi>`);
  return list;
}

function actionButtons(page: PageMessageContent) {
  const buttons = [];
  if (page.status === 'triggered') {
    buttons.push({
      type: 'button' as const,
      action_id: ACTION.acknowledgePage,
      text: { type: 'plain_text' as const, text: 'Acknowledge' },
      style: 'primary' as const,
      value: page.pageId,
    });
  }
  if (page.status !== 'resolved') {
    buttons.push({
      type: 'button' as const,
      action_id: ACTION.resolvePage,
      text: { type: 'plain_text' as const, text: 'Resolve' },
      value: page.pageId,
    });
  }
  return buttons;
}

/** One line: the notification on a phone's lock screen, and the message for clients without blocks. */
function fallbackText(page: PageMessageContent): string {
  const message = escapeText(truncate(page.message.replace(/\s+/g, ' ').trim(), 200));
  const level = `level ${page.level}${page.policyName ? ` of ${escapeText(page.policyName)}` : ''}`;
  const state = stateLine(page);
  const link = page.pageUrl ? ` ${page.pageUrl}` : '';
  if (state) return `Page #${page.pageNumber} (${message}): ${state}.${link}`;
  return `Page #${page.pageNumber}: ${message} (${level}, paged by ${escapeText(page.createdByName)}). Acknowledge or resolve it here or in Hikeshi.${link}`;
}

/** Shown in each reader's own time zone (`14:02`), the ISO instant where Slack cannot format it. */
function slackTime(iso: string): string {
  return `<!date^${Math.floor(Date.parse(iso) / 1000)}^{time}|${iso}>`;
}

function quote(text: string): string {
  return escapeText(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
