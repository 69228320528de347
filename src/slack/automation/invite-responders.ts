import type { WebClient } from '@slack/web-api';
import { planInvites, type InviteStep } from '../../domain/slack/invite-plan.js';
import type { SlackUserFacts } from '../../domain/slack/slack-user.js';
import type { JobHandler } from '../../jobs/handler.js';
import { readInviteTargets } from '../../usecases/slack/read-invite-targets.js';
import { recordInviteSkipped, recordInvited, type InviteSkip } from '../../usecases/slack/record-invites.js';
import { inviteSkippedNote, needsNote } from '../blocks/notes.js';
import { SlackApiError, callSlack } from '../client.js';
import { requireAutomation, type SlackActor, type SlackAutomation } from './automation.js';
import { postOnce } from './post-once.js';
import { runStep } from './run-step.js';

/**
 * `slack.inviteResponders`: the people of the incident into its channel. Without `userIds`
 * everyone who belongs there (declarer, roles, default responders and teams); with them,
 * just those Hikeshi users (a new role holder).
 */
export interface InviteRespondersPayload {
  incidentId: string;
  userIds?: string[];
}

const SKIP_DETAIL: Record<string, string> = {
  guest_needs_admin_token: "a guest can only be added with a workspace admin's token, and none is in use",
  deactivated: 'the Slack account is deactivated',
  user_not_found: 'Slack does not know this user',
  ura_max_channels: 'a single-channel guest already in their one channel cannot join another',
};

export function inviteRespondersHandler(automation: SlackAutomation | undefined): JobHandler<InviteRespondersPayload> {
  return async (payload, ctx) => {
    const slack = requireAutomation(automation);
    await runStep(slack, payload.incidentId, ctx, async () => {
      const targets = await readInviteTargets(slack.deps, payload.incidentId, payload.userIds);
      // No channel yet: its creation enqueues the full invite, which reads the roles as they are then.
      if (!targets.channel || targets.slackUserIds.length === 0) return;
      const channelId = targets.channel.channelId;
      const bot = await slack.bot();

      // Classify first (users.info, cached) instead of reading meaning into invite errors.
      const facts: SlackUserFacts[] = [];
      const skips: InviteSkip[] = [];
      for (const id of targets.slackUserIds) {
        try {
          facts.push(await slack.runtime.users.lookup(bot.client, id));
        } catch (error) {
          if (!(error instanceof SlackApiError && (error.error === 'user_not_found' || error.error === 'user_not_visible'))) throw error;
          skips.push(skip(id, 'user_not_found'));
        }
      }
      const members = await channelMembers(bot.client, channelId);
      const needsAdmin = slack.strategy === 'user' || facts.some((f) => f.isRestricted || f.isUltraRestricted);
      const admin = needsAdmin ? await slack.admin() : undefined;
      const plan = planInvites({ strategy: slack.strategy, invitees: facts, members, adminUserId: admin?.userId ?? null });

      if (plan.addAdminFirst && admin) await joinChannel(admin, bot, channelId);
      for (const via of ['bot', 'admin'] as const) {
        const actor = via === 'bot' ? bot : admin;
        const steps = plan.steps.filter((s): s is Extract<InviteStep, { via: unknown }> => 'via' in s && s.via === via);
        if (!actor || !steps.length) continue;
        const refused = await invite(actor, channelId, steps.map((s) => s.userId), (ids) =>
          recordInvited(slack.deps, payload.incidentId, ids, via),
        );
        skips.push(...refused.map((r) => skip(r.userId, r.error)));
      }
      for (const step of plan.steps) {
        if ('skip' in step && step.skip !== 'already_member' && step.skip !== 'bot') skips.push(skip(step.userId, step.skip));
      }

      for (const s of skips) {
        const fresh = await recordInviteSkipped(slack.deps, payload.incidentId, s);
        // Explained once in the channel; a rerun looks for its note before posting it again.
        if (needsNote(s.reason) && (fresh || ctx.attempt > 1)) {
          const mark = { incidentId: payload.incidentId, key: `invite_skipped:${s.slackUserId}:${s.reason}` };
          await postOnce(bot.client, channelId, inviteSkippedNote(s.slackUserId, s.reason), mark, ctx.attempt > 1);
        }
      }
    });
  };
}

function skip(slackUserId: string, reason: string): InviteSkip {
  return { slackUserId, reason, detail: SKIP_DETAIL[reason] ?? `Slack refused the invitation (${reason})` };
}

async function channelMembers(client: WebClient, channelId: string): Promise<string[]> {
  const members: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await callSlack('conversations.members', () =>
      client.conversations.members({ channel: channelId, limit: 1000, ...(cursor ? { cursor } : {}) }),
    );
    members.push(...(page.members ?? []));
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return members;
}

/** Slack lets only a member invite: the admin joins (public channel) or is invited by the bot. */
async function joinChannel(admin: SlackActor, bot: SlackActor, channelId: string): Promise<void> {
  try {
    await callSlack('conversations.join', () => admin.client.conversations.join({ channel: channelId }));
  } catch (error) {
    if (!(error instanceof SlackApiError && error.error === 'method_not_supported_for_channel_type')) throw error;
    await inviteCall(bot, channelId, [admin.userId]);
  }
}

/**
 * Invites in one call; when Slack refuses the batch (one invitee it will not take fails the
 * whole call), each person is invited alone so the others still get in and every refusal is
 * attributed. Who got in is recorded even when a later call fails (a 429 midway), since a
 * rerun sees them as members and would not record them. `already_in_channel` counts as done.
 */
async function invite(
  actor: SlackActor,
  channelId: string,
  userIds: string[],
  record: (invited: string[]) => Promise<void>,
): Promise<{ userId: string; error: string }[]> {
  if (userIds.length > 1) {
    try {
      await inviteCall(actor, channelId, userIds);
      await record(userIds);
      return [];
    } catch (error) {
      if (!(error instanceof SlackApiError)) throw error;
    }
  }
  const invited: string[] = [];
  const refused: { userId: string; error: string }[] = [];
  try {
    for (const userId of userIds) {
      try {
        await inviteCall(actor, channelId, [userId]);
        invited.push(userId);
      } catch (error) {
        if (!(error instanceof SlackApiError)) throw error;
        if (error.error !== 'already_in_channel') refused.push({ userId, error: error.error });
      }
    }
  } finally {
    if (invited.length) await record(invited);
  }
  return refused;
}

async function inviteCall(actor: SlackActor, channelId: string, userIds: string[]): Promise<void> {
  await callSlack('conversations.invite', () => actor.client.conversations.invite({ channel: channelId, users: userIds.join(',') }));
}
