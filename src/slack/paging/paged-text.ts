import type { PageView } from '../../usecases/paging/page-view.js';
import type { PagedTarget } from '../../usecases/slack-inbound/page-oncall.js';
import { escapeText } from '../blocks/text.js';

/**
 * The answer to `/oncall page …`: who is being notified (the people of the level just
 * notified, and anyone who cannot be reached and why), the page's number and a link.
 */
export function pagedText(page: PageView, target: PagedTarget, pageUrl: string | null): string {
  const current = page.notifications.filter((n) => n.level === page.level && n.cycle === page.cycle);
  const reached = unique(current.filter((n) => n.status !== 'failed').map((n) => n.recipient.name));
  const unreachable = unique(current.filter((n) => n.status === 'failed').map((n) => `${n.recipient.name} (${n.error ?? 'not reachable'})`));
  const what = `${target.type === 'policy' ? 'escalation policy' : 'schedule'} *${escapeText(target.name)}*${target.chosen === 'default' ? ' (the default)' : ''}`;
  const number = pageUrl ? `<${pageUrl}|page #${page.number}>` : `page #${page.number}`;
  const lines = [`:pager: Paged: ${reached.length ? reached.map(escapeText).join(', ') : 'nobody yet'}, ${number} via ${what}.`];
  if (unreachable.length) lines.push(`:warning: Cannot be reached: ${unreachable.map(escapeText).join(', ')}.`);
  if (!reached.length) {
    lines.push(
      page.nextEscalationAt
        ? `Nobody could be notified at level ${page.level}; it escalates <!date^${Math.floor(Date.parse(page.nextEscalationAt) / 1000)}^{time}|${page.nextEscalationAt}>.`
        : 'Nobody could be notified and this page does not escalate: page an escalation policy or someone else.',
    );
  }
  lines.push(...page.message.split('\n').map((line) => `> ${escapeText(line)}`));
  return lines.join('\n');
}

/** The page in the web app, when Hikeshi knows where it is served. */
export function pageLink(publicUrl: string | undefined, pageId: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}/pages/${pageId}` : null;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
