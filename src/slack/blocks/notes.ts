import type { SlackMessage } from './message.js';

/** Why someone was not added: the reason codes of `slack.invite_skipped` that people should read in the channel. */
export type NotedSkipReason = 'ura_max_channels' | 'guest_needs_admin_token' | 'user_not_found' | string;

/** Skips that need no note in the channel (the timeline has them). */
const QUIET = new Set(['deactivated', 'bot', 'already_member']);

export function needsNote(reason: string): boolean {
  return !QUIET.has(reason);
}

/**
 * The explanation posted in the incident channel when someone could not be added, so the
 * commander can act (an admin can convert a single-channel guest, or invite by hand) instead
 * of wondering why a responder is missing.
 */
export function inviteSkippedNote(slackUserId: string, reason: NotedSkipReason): SlackMessage {
  const who = `<@${slackUserId}>`;
  let text: string;
  switch (reason) {
    case 'ura_max_channels':
      text =
        `:warning: ${who} could not be added: they are a *single-channel guest* and already in their one channel, ` +
        'so Slack does not let them join another. A workspace admin can make them a multi-channel guest ' +
        '(then run `/invite` here), or share this channel with them through Slack Connect.';
      break;
    case 'guest_needs_admin_token':
      text =
        `:warning: ${who} could not be added: they are a *guest*, and only a workspace admin may add guests to a channel. ` +
        "Hikeshi has no workspace admin's token for this (or its token strategy is `bot`). " +
        'A workspace admin can add them here with `/invite`, or reinstall Hikeshi as an admin so it can next time.';
      break;
    case 'user_not_found':
      text = `:warning: ${who} could not be added: Slack does not know this user (check the Slack user id in Hikeshi's settings).`;
      break;
    default:
      text = `:warning: ${who} could not be added: Slack answered \`${reason}\`. Add them by hand with \`/invite\`.`;
  }
  return { text };
}
