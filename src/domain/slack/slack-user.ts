/** What Hikeshi needs to know of a Slack user to decide how (and whether) to invite them. */
export interface SlackUserFacts {
  id: string;
  name: string;
  isAdmin: boolean;
  isOwner: boolean;
  isBot: boolean;
  /** Multi-channel guest (Slack's `is_restricted`). */
  isRestricted: boolean;
  /** Single-channel guest (`is_ultra_restricted`); Slack may set is_restricted too. */
  isUltraRestricted: boolean;
  deleted: boolean;
}

export type SlackUserKind = 'member' | 'admin' | 'multi_channel_guest' | 'single_channel_guest' | 'bot' | 'deactivated';

/** Single-channel first: such a guest may carry both flags. */
export function classifySlackUser(user: SlackUserFacts): SlackUserKind {
  if (user.deleted) return 'deactivated';
  if (user.isBot) return 'bot';
  if (user.isUltraRestricted) return 'single_channel_guest';
  if (user.isRestricted) return 'multi_channel_guest';
  if (user.isAdmin || user.isOwner) return 'admin';
  return 'member';
}

export function isWorkspaceAdmin(user: SlackUserFacts): boolean {
  return !user.deleted && !user.isBot && !user.isRestricted && (user.isAdmin || user.isOwner);
}
