import { ConflictError } from '../../errors.js';
import type { Actor } from '../incidents/timeline.js';
import type { EscalationPlan } from './plan.js';

export const PAGE_STATUSES = ['triggered', 'acknowledged', 'resolved'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export const PAGE_SOURCES = ['web', 'api', 'slack', 'cli', 'incident', 'alert'] as const;
export type PageSource = (typeof PAGE_SOURCES)[number];

/** `alert_attached`: another alert for the same service joined the page instead of paging again. */
export const PAGE_EVENT_KINDS = ['triggered', 'notified', 'escalated', 'acknowledged', 'resolved', 'exhausted', 'alert_attached'] as const;
export type PageEventKind = (typeof PAGE_EVENT_KINDS)[number];

/** What was paged: an escalation policy, or one schedule or person directly. */
export interface PageTarget {
  type: 'policy' | 'schedule' | 'user';
  id: string;
  name: string;
}

export interface Page {
  id: string;
  number: number;
  message: string;
  details: string;
  status: PageStatus;
  target: PageTarget;
  plan: EscalationPlan;
  /** The level last notified (1-based) and in which run of the levels (0-based). */
  level: number;
  cycle: number;
  nextEscalationAt: string | null;
  incidentId: string | null;
  source: PageSource;
  createdBy: Actor;
  createdAt: string;
  acknowledgedBy: Actor | null;
  acknowledgedAt: string | null;
  resolvedBy: Actor | null;
  resolvedAt: string | null;
  updatedAt: string;
}

export interface PageEvent {
  id: string;
  pageId: string;
  at: string;
  kind: PageEventKind;
  level: number;
  cycle: number;
  actor: Actor | null;
  text: string;
}

/**
 * Whether acknowledging or resolving changes the page. Doing it again is answered unchanged
 * (two people pressing the button at once both succeed); acknowledging a resolved page is refused.
 */
export function pageTransition(current: PageStatus, to: 'acknowledged' | 'resolved'): 'change' | 'unchanged' {
  if (current === to) return 'unchanged';
  if (current === 'resolved') throw new ConflictError('The page is already resolved; it cannot be acknowledged.', 'page.resolved');
  return 'change';
}
