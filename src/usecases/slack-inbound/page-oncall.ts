import { ValidationError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { listSchedules } from '../oncall/read-schedules.js';
import type { Page } from '../pagination.js';
import type { PageView } from '../paging/page-view.js';
import { listPolicies } from '../paging/read-policies.js';
import { triggerPage } from '../paging/trigger-page.js';
import { authorize, type Principal } from '../principal.js';

/** What was paged and why that: named in the request, or the default. */
export interface PagedTarget {
  type: 'policy' | 'schedule';
  id: string;
  name: string;
  chosen: 'named' | 'default';
}

/** A name is at most this many words: `Payments EU primary`. */
const MAX_NAME_WORDS = 4;
const LIST_PAGE = 500;

/**
 * `/oncall page [policy or schedule] <message>` (and `@Hikeshi oncall page …`), for people who
 * do not know who is on call. The leading words may name an escalation policy, else a schedule
 * (id or name in any case; the longest name wins). Otherwise the page goes to the settings'
 * `paging.defaultEscalationPolicy`, else to the one schedule the on-call redirect answers
 * for. The page is triggered like any other, from source `slack`; `requestKey` names the
 * Slack message that asked, so a rerun after a crash answers the page it already made.
 */
export async function pageOncall(
  deps: Deps,
  text: string,
  principal: Principal,
  options: { requestKey?: string } = {},
): Promise<{ page: PageView; target: PagedTarget }> {
  authorize(principal, 'responder');
  const trimmed = text.trim();
  const words = [...trimmed.matchAll(/\S+/g)];
  const policies = await everyItem((cursor) => listPolicies(deps, { limit: LIST_PAGE, ...(cursor && { cursor }) }, principal));
  const schedules = await everyItem((cursor) => listSchedules(deps, { limit: LIST_PAGE, ...(cursor && { cursor }) }, principal));
  let target: PagedTarget | undefined;
  let message = trimmed;
  // A name must leave a message after it: `/oncall page payments` pages the default with "payments".
  for (let n = Math.min(words.length - 1, MAX_NAME_WORDS); n >= 1 && !target; n--) {
    const last = words[n - 1]!;
    const name = trimmed.slice(0, last.index + last[0].length).replace(/\s+/g, ' ').replace(/[:;,]+$/u, '');
    target = named('policy', policies, name) ?? named('schedule', schedules, name);
    if (target) message = trimmed.slice(last.index + last[0].length).replace(/^[\s:;,]+/u, '');
  }
  target ??= defaultTarget(deps, policies, schedules);
  if (!message) throw new ValidationError('message', 'say what is wrong: `/oncall page [policy or schedule] <message>`');
  const page = await triggerPage(deps, principal, {
    message,
    ...(target.type === 'policy' ? { escalationPolicyId: target.id } : { scheduleId: target.id }),
    source: 'slack',
    ...options,
  });
  return { page, target };
}

interface Named {
  id: string;
  name: string;
}

function named(type: PagedTarget['type'], items: readonly Named[], name: string): PagedTarget | undefined {
  const lower = name.toLowerCase();
  const match = items.find((i) => i.id === name) ?? items.find((i) => i.name.toLowerCase() === lower);
  return match && { type, id: match.id, name: match.name, chosen: 'named' };
}

function defaultTarget(deps: Deps, policies: readonly Named[], schedules: readonly Named[]): PagedTarget {
  const configured = deps.settings.paging.defaultEscalationPolicy;
  if (configured) {
    const policy = named('policy', policies, configured);
    if (!policy) {
      throw new ValidationError('paging.defaultEscalationPolicy', `names no escalation policy ("${configured}"); fix the settings file or name a policy`);
    }
    return { ...policy, chosen: 'default' };
  }
  if (schedules.length === 1) return { type: 'schedule', id: schedules[0]!.id, name: schedules[0]!.name, chosen: 'default' };
  if (!schedules.length) {
    throw new ValidationError('target', 'Hikeshi has no on-call schedule or escalation policy to page yet');
  }
  const listed = schedules.slice(0, 20).map((s) => s.name).join(', ');
  const choices = policies.length ? `an escalation policy (${policies.slice(0, 20).map((p) => p.name).join(', ')}) or a schedule` : 'a schedule';
  throw new ValidationError('target', `there are ${schedules.length} schedules (${listed}) and no default escalation policy: start the message with ${choices}`);
}

async function everyItem<T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
