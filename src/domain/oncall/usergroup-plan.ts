import type { SlackUserKind } from '../slack/slack-user.js';

/**
 * Keeping a schedule's Slack user group equal to the people on call (issue 4; Slack rules in
 * reference §6): Slack refuses guests and bots as members (`invalid_user`,
 * `single_channel_guests_cannot_be_added`) and cannot empty a group, so a plan leaves them out
 * and, when nobody left may be a member, keeps the group as it is and says so.
 */

/** A person on call, with what Slack says they are (`unlinked`: no Slack account known to Hikeshi). */
export interface OnCallMember {
  userId: string;
  name: string;
  slackUserId: string | null;
  kind: SlackUserKind | 'unlinked';
}

export type LeftOutReason = 'guest' | 'bot' | 'deactivated' | 'no_slack_account';

export interface LeftOut {
  userId: string;
  name: string;
  slackUserId: string | null;
  reason: LeftOutReason;
}

export interface PlanWarning {
  code: 'kept_current_members' | 'group_stays_empty';
  message: string;
}

interface PlanCommon {
  /** On call but not sent to Slack as members, and why. */
  leftOut: LeftOut[];
  warning: PlanWarning | null;
}

export type UserGroupPlan =
  | (PlanCommon & { action: 'set'; members: string[] })
  | (PlanCommon & { action: 'skip'; reason: 'unchanged' | 'nobody_may_be_member'; members: string[] });

const MAY_BE_MEMBER: ReadonlySet<OnCallMember['kind']> = new Set(['member', 'admin']);

const LEFT_OUT: Record<Exclude<OnCallMember['kind'], 'member' | 'admin'>, LeftOutReason> = {
  multi_channel_guest: 'guest',
  single_channel_guest: 'guest',
  bot: 'bot',
  deactivated: 'deactivated',
  unlinked: 'no_slack_account',
};

/**
 * What to do with the group `@handle` whose members are `current` (Slack user ids) so that it
 * holds exactly the people on call who may be members. `set` only when that differs from
 * `current` (membership compared as a set), so an unchanged group costs no write.
 */
export function planUserGroup(input: { handle: string; onCall: readonly OnCallMember[]; current: readonly string[] }): UserGroupPlan {
  const leftOut: LeftOut[] = [];
  const desired = new Set<string>();
  for (const person of input.onCall) {
    if (MAY_BE_MEMBER.has(person.kind) && person.slackUserId) desired.add(person.slackUserId);
    else leftOut.push({ userId: person.userId, name: person.name, slackUserId: person.slackUserId, reason: LEFT_OUT[person.kind as keyof typeof LEFT_OUT] });
  }
  const members = [...desired].sort();
  const current = [...new Set(input.current)].sort();

  if (members.length === 0) {
    return { action: 'skip', reason: 'nobody_may_be_member', members: current, leftOut, warning: keepWarning(input.handle, leftOut, current) };
  }
  const unchanged = members.length === current.length && members.every((id, i) => id === current[i]);
  if (unchanged) return { action: 'skip', reason: 'unchanged', members, leftOut, warning: null };
  return { action: 'set', members, leftOut, warning: null };
}

function keepWarning(handle: string, leftOut: readonly LeftOut[], current: readonly string[]): PlanWarning {
  const why = leftOut.length
    ? `only ${leftOut.map((p) => `${p.name} (${describe(p.reason)})`).join(', ')} ${leftOut.length === 1 ? 'is' : 'are'} on call`
    : 'nobody is on call (a gap in the schedule)';
  if (current.length === 0) {
    return { code: 'group_stays_empty', message: `@${handle} was not changed: ${why}, and Slack cannot hold a user group with no members.` };
  }
  return {
    code: 'kept_current_members',
    message: `@${handle} keeps its current members: ${why}, and Slack cannot empty a user group.`,
  };
}

function describe(reason: LeftOutReason): string {
  switch (reason) {
    case 'guest':
      return 'a guest, whom Slack keeps out of user groups';
    case 'bot':
      return 'a bot';
    case 'deactivated':
      return 'deactivated in Slack';
    case 'no_slack_account':
      return 'no Slack account linked in Hikeshi';
  }
}
