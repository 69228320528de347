import { PAGE_STATUSES, type Page, type PageStatus } from '../../domain/escalation/page.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { UUID_PATTERN } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import { findPage, listNotifications, listPageEvents, listPages as queryPages } from '../../store/repositories/pages.js';
import type { Deps } from '../deps.js';
import { decodeCursor, pageOf, type Page as ResultPage } from '../pagination.js';
import { authorize, type Principal } from '../principal.js';
import { pageView, type PageView } from './page-view.js';

/** Pages are named by id or by number (`12`, `#12`). */
export async function findPageByRef(tx: Executor, ref: string): Promise<Page> {
  const key = ref.trim();
  const number = /^#?(\d{1,9})$/.exec(key)?.[1];
  const page = UUID_PATTERN.test(key) ? await findPage(tx, { id: key }) : number ? await findPage(tx, { number: Number(number) }) : undefined;
  if (!page) throw new NotFoundError('page', ref);
  return page;
}

/** The page with its notifications and its whole record of events. */
export async function readPageView(tx: Executor, page: Page): Promise<PageView> {
  const [notifications, events] = await Promise.all([listNotifications(tx, [page.id]), listPageEvents(tx, page.id)]);
  return pageView(page, notifications, events);
}

export async function getPage(deps: Deps, principal: Principal, pageRef: string): Promise<PageView> {
  authorize(principal, 'viewer');
  return readPageView(deps.db, await findPageByRef(deps.db, pageRef));
}

export type PageStatusFilter = 'open' | PageStatus;

export interface PageListQuery {
  status?: PageStatusFilter;
  /** Only pages that notified the calling person. */
  mine?: boolean;
  limit?: number;
  cursor?: string;
}

export async function listPages(deps: Deps, principal: Principal, query: PageListQuery): Promise<ResultPage<PageView>> {
  authorize(principal, 'viewer');
  if (query.mine && !principal.userId) throw new ValidationError('mine', 'needs a signed-in person (an API token is no one)');
  const limit = query.limit ?? 50;
  const pages = await queryPages(deps.db, {
    ...(query.status && { statuses: statusesOf(query.status) }),
    ...(query.mine && principal.userId && { notifiedUserId: principal.userId }),
    ...(query.cursor && { beforeNumber: decodeCursor(query.cursor, { number: 'number' }).number }),
    limit: limit + 1,
  });
  const result = pageOf(pages, limit, (last) => ({ number: last.number }));
  const notifications = await listNotifications(deps.db, result.items.map((p) => p.id));
  return { items: result.items.map((p) => pageView(p, notifications)), nextCursor: result.nextCursor };
}

/** Open (triggered or acknowledged) pages that notified this person: for their handoff summary. */
export async function listOpenPagesFor(deps: Deps, userId: string): Promise<PageView[]> {
  const pages = await queryPages(deps.db, { statuses: statusesOf('open'), notifiedUserId: userId, limit: 200 });
  const notifications = await listNotifications(deps.db, pages.map((p) => p.id));
  return pages.map((p) => pageView(p, notifications));
}

function statusesOf(filter: PageStatusFilter): PageStatus[] {
  if (filter === 'open') return ['triggered', 'acknowledged'];
  if (!(PAGE_STATUSES as readonly string[]).includes(filter)) throw new ValidationError('status', `must be open, ${PAGE_STATUSES.join(', ')}`);
  return [filter];
}
