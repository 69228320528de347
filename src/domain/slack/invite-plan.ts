import { classifySlackUser, type SlackUserFacts, type SlackUserKind } from './slack-user.js';

export type TokenStrategy = 'bot' | 'user' | 'auto';
export type TokenKind = 'bot' | 'admin';

export type InviteStep =
  | { userId: string; kind: SlackUserKind; via: TokenKind }
  | { userId: string; kind: SlackUserKind; skip: SkipReason };

export type SkipReason = 'already_member' | 'bot' | 'deactivated' | 'guest_needs_admin_token';

export interface InvitePlan {
  /** Which token creates the channel (and so is in it from the start). */
  creator: TokenKind;
  /** The admin whose token invites guests must be in the channel first (Slack: `not_in_channel`). */
  addAdminFirst: string | null;
  steps: InviteStep[];
}

/**
 * Who is invited with which token. Guests are classified up front rather than by parsing
 * whichever error Slack returns for a bot inviting a guest (it varies: cant_invite,
 * user_is_restricted, restricted_action). `auto` uses the bot token wherever it is allowed
 * and the verified admin token only where an admin is needed: inviting guests.
 */
export function planInvites(input: {
  strategy: TokenStrategy;
  invitees: readonly SlackUserFacts[];
  members: readonly string[];
  adminUserId: string | null;
}): InvitePlan {
  const hasAdmin = input.adminUserId !== null;
  const creator: TokenKind = input.strategy === 'user' && hasAdmin ? 'admin' : 'bot';
  const seen = new Set<string>();
  const steps: InviteStep[] = [];
  for (const user of input.invitees) {
    if (seen.has(user.id)) continue;
    seen.add(user.id);
    const kind = classifySlackUser(user);
    if (input.members.includes(user.id)) steps.push({ userId: user.id, kind, skip: 'already_member' });
    else if (kind === 'bot' || kind === 'deactivated') steps.push({ userId: user.id, kind, skip: kind });
    else if (kind === 'multi_channel_guest' || kind === 'single_channel_guest') {
      steps.push(hasAdmin && input.strategy !== 'bot' ? { userId: user.id, kind, via: 'admin' } : { userId: user.id, kind, skip: 'guest_needs_admin_token' });
    } else steps.push({ userId: user.id, kind, via: creator === 'admin' ? 'admin' : 'bot' });
  }
  const adminInvites = steps.some((s) => 'via' in s && s.via === 'admin');
  const adminIsMember = input.adminUserId !== null && (creator === 'admin' || input.members.includes(input.adminUserId));
  return { creator, addAdminFirst: adminInvites && !adminIsMember ? input.adminUserId : null, steps };
}
