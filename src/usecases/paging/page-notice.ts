/**
 * What one notification of a page says, built by the `paging.notify` handler and handed to
 * the channel senders (Slack DM, email, webhook). Shared by the paging backend and the
 * notification channels.
 */
export interface PageNotice {
  notificationId: string;
  pageId: string;
  pageNumber: number;
  message: string;
  details: string;
  level: number;
  cycle: number;
  policyName: string | null;
  status: 'triggered' | 'acknowledged' | 'resolved';
  incident: { id: string; reference: string; title: string } | null;
  /** Absolute link to the page in the web app: `${settings.publicUrl or HIKESHI_PUBLIC_URL}/pages/<id>`. */
  pageUrl: string;
  createdAt: string;
  createdByName: string;
  /** Null for webhooks. */
  recipient: { userId: string; name: string; email: string | null; slackUserId: string | null } | null;
}
