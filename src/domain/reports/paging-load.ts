import { HOUR_MS } from '../slo/types.js';
import { dayPartOf } from './day-part.js';
import type { DayPart, WorkingTime } from './types.js';

/** One notification that reached a person (Slack or e-mail), as the page's records hold it. */
export interface PageNotice {
  pageId: string;
  cycle: number;
  level: number;
  recipientId: string;
  recipientName: string;
  /** The person's own zone (users.time_zone), if known. */
  recipientZone: string | null;
  at: number;
}

export type DayPartCounts = Record<DayPart, number> & { total: number };

export interface ResponderLoad extends DayPartCounts {
  userId: string;
  name: string;
}

export interface PagingLoad {
  interruptions: DayPartCounts;
  /** Clock hours in which at least one person was interrupted. */
  hoursWithInterruption: number;
  /** Most interrupted first. */
  responders: ResponderLoad[];
}

/**
 * Interruptions in the PagerDuty sense: one per person per page level reached, however many
 * channels carried it (a Slack DM and an e-mail for the same level count once, at the first).
 */
export function pagingLoad(notices: readonly PageNotice[], working: WorkingTime): PagingLoad {
  const first = new Map<string, PageNotice>();
  for (const notice of notices) {
    const key = `${notice.pageId}\u0000${notice.cycle}\u0000${notice.level}\u0000${notice.recipientId}`;
    const seen = first.get(key);
    if (!seen || notice.at < seen.at) first.set(key, notice);
  }
  const interruptions = emptyCounts();
  const responders = new Map<string, ResponderLoad>();
  const hours = new Set<number>();
  for (const notice of first.values()) {
    const part = dayPartOf(notice.at, working, notice.recipientZone);
    count(interruptions, part);
    let responder = responders.get(notice.recipientId);
    if (!responder) {
      responder = { userId: notice.recipientId, name: notice.recipientName, ...emptyCounts() };
      responders.set(notice.recipientId, responder);
    }
    count(responder, part);
    hours.add(Math.floor(notice.at / HOUR_MS));
  }
  return {
    interruptions,
    hoursWithInterruption: hours.size,
    responders: [...responders.values()].sort((a, b) => b.total - a.total || b.sleep - a.sleep || a.name.localeCompare(b.name)),
  };
}

function emptyCounts(): DayPartCounts {
  return { business: 0, off: 0, sleep: 0, total: 0 };
}

function count(counts: DayPartCounts, part: DayPart): void {
  counts[part] += 1;
  counts.total += 1;
}
