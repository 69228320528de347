import type { PageStatus } from '../../domain/escalation/page.js';

/** Everything a channel sender needs to deliver one page notification; built by `readPageNotice`. */
export interface PageNotice {
  notificationId: string;
  pageId: string;
  pageNumber: number;
  message: string;
  details: string;
  level: number;
  cycle: number;
  policyName: string | null;
  status: PageStatus;
  incident: { id: string; reference: string; title: string } | null;
  /** Absolute link to the page in the web app. */
  pageUrl: string;
  createdAt: string;
  createdByName: string;
  /** Null for webhooks. */
  recipient: { userId: string; name: string; email: string | null; slackUserId: string | null } | null;
}
