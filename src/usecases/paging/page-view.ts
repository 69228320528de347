import type { Page, PageEvent, PageSource, PageStatus } from '../../domain/escalation/page.js';
import type { Actor } from '../../domain/incidents/timeline.js';
import type { PageNotification } from '../../store/repositories/pages.js';

export interface PageNotificationView {
  id: string;
  level: number;
  cycle: number;
  recipient: { type: 'user' | 'webhook'; id: string; name: string };
  channel: 'slack' | 'email' | 'webhook';
  status: 'pending' | 'sent' | 'failed';
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface PageEventView {
  at: string;
  kind: PageEvent['kind'];
  level: number;
  cycle: number;
  actor: Actor | null;
  text: string;
}

/** A page as the API, the CLI and the web app show it (the contract's Page JSON). */
export interface PageView {
  id: string;
  number: number;
  message: string;
  details: string;
  status: PageStatus;
  escalationPolicy: { id: string; name: string } | null;
  scheduleId: string | null;
  /** What was paged: the policy, or the schedule or person paged directly. */
  target: { type: 'policy' | 'schedule' | 'user'; id: string; name: string };
  level: number;
  cycle: number;
  /** How many levels the page escalates through, and how many extra runs of them. */
  levels: number;
  repeat: number;
  nextEscalationAt: string | null;
  incidentId: string | null;
  source: PageSource;
  createdBy: Actor;
  createdAt: string;
  acknowledgedBy: Actor | null;
  acknowledgedAt: string | null;
  resolvedBy: Actor | null;
  resolvedAt: string | null;
  notifications: PageNotificationView[];
  /** Present when one page is read; lists leave it out. */
  events?: PageEventView[];
}

export function pageView(page: Page, notifications: readonly PageNotification[], events?: readonly PageEvent[]): PageView {
  return {
    id: page.id,
    number: page.number,
    message: page.message,
    details: page.details,
    status: page.status,
    escalationPolicy: page.target.type === 'policy' ? { id: page.target.id, name: page.target.name } : null,
    scheduleId: page.target.type === 'schedule' ? page.target.id : null,
    target: page.target,
    level: page.level,
    cycle: page.cycle,
    levels: page.plan.levels.length,
    repeat: page.plan.repeat,
    nextEscalationAt: page.nextEscalationAt,
    incidentId: page.incidentId,
    source: page.source,
    createdBy: page.createdBy,
    createdAt: page.createdAt,
    acknowledgedBy: page.acknowledgedBy,
    acknowledgedAt: page.acknowledgedAt,
    resolvedBy: page.resolvedBy,
    resolvedAt: page.resolvedAt,
    notifications: notifications
      .filter((n) => n.pageId === page.id)
      .map((n) => ({
        id: n.id,
        level: n.level,
        cycle: n.cycle,
        recipient: { type: n.recipientType, id: n.recipientId, name: n.recipientName },
        channel: n.channel,
        status: n.status,
        error: n.error,
        createdAt: n.createdAt,
        sentAt: n.sentAt,
      })),
    ...(events && { events: events.map(({ at, kind, level, cycle, actor, text }) => ({ at, kind, level, cycle, actor, text })) }),
  };
}
