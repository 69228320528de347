import type { WebClient } from '@slack/web-api';
import { classifySlackUser } from '../../domain/slack/slack-user.js';
import { planUserGroup, type OnCallMember } from '../../domain/oncall/usergroup-plan.js';
import { RetryableError } from '../../jobs/errors.js';
import type { JobHandler } from '../../jobs/handler.js';
import type { SyncOutcome } from '../../store/repositories/schedule-user-groups.js';
import {
  abandonUserGroupSync,
  finishUserGroupSync,
  recordUserGroupId,
  startUserGroupSync,
  type SyncTarget,
} from '../../usecases/oncall/user-groups/sync-user-group.js';
import { requireAutomation, type SlackAutomation } from '../automation/automation.js';
import { SlackApiError } from '../client.js';
import { asGroupManager, UserGroupsRefusedError } from './group-manager.js';
import { createUsergroup, enableUsergroup, findUsergroupByHandle, setUsergroupMembers, usergroupMembers } from './usergroup-calls.js';

/** `oncall.syncUserGroup`: the schedule's Slack user group set to exactly the people on call who may be members. */
export interface SyncUserGroupPayload {
  scheduleId: string;
}

/** A sync that found the group busy tries again this soon; it then finds the group already right. */
const BUSY_RETRY_MS = 5_000;

export function syncUserGroupHandler(automation: SlackAutomation | undefined): JobHandler<SyncUserGroupPayload> {
  return async (payload, ctx) => {
    const slack = requireAutomation(automation);
    const start = await startUserGroupSync(slack.deps, payload.scheduleId);
    if (start.kind === 'not_synced') return;
    if (start.kind === 'busy') throw new RetryableError('another sync of this user group is running', BUSY_RETRY_MS);
    const { target } = start;
    let outcome: Omit<SyncOutcome, 'at'>;
    try {
      outcome = await sync(slack, target);
    } catch (error) {
      await abandonUserGroupSync(slack.deps, target.scheduleId);
      const why = error instanceof UserGroupsRefusedError ? error.message : groupRefusal(error, target.handle);
      if (!why) throw error;
      // No retry fixes a workspace setting or plan: say so on the status; the next reconcile tries again.
      outcome = { result: 'failed', detail: why, warning: why };
    }
    await finishUserGroupSync(slack.deps, target.scheduleId, outcome);
    if (outcome.warning) ctx.logger?.warn({ scheduleId: target.scheduleId, handle: target.handle, result: outcome.result }, outcome.warning);
    else ctx.logger?.info({ scheduleId: target.scheduleId, handle: target.handle, result: outcome.result }, 'user group synced');
  };
}

async function sync(slack: SlackAutomation, target: SyncTarget): Promise<Omit<SyncOutcome, 'at'>> {
  const bot = await slack.bot();
  const { usergroupId, current, via: foundVia } = await resolveGroup(slack, target);
  const onCall = await classify(slack, bot.client, target);
  const plan = planUserGroup({ handle: target.handle, onCall, current });
  if (plan.action === 'skip') {
    const detail = plan.reason === 'unchanged' ? `already held the people on call${foundVia ? `; ${foundVia}` : ''}` : 'nobody on call may be a member';
    return { result: plan.reason === 'unchanged' ? 'unchanged' : 'kept', detail, members: plan.members, leftOut: plan.leftOut, warning: plan.warning?.message ?? null };
  }
  const { via } = await asGroupManager(slack, (actor) => setUsergroupMembers(actor.client, usergroupId, plan.members));
  return { result: 'set', detail: `members set with ${via}`, members: plan.members, leftOut: plan.leftOut, warning: null };
}

/** The group's id and members: the known group, else the one Slack has with the handle (adopted), else a new one. */
async function resolveGroup(slack: SlackAutomation, target: SyncTarget): Promise<{ usergroupId: string; current: string[]; via?: string }> {
  const bot = await slack.bot();
  if (target.usergroupId) {
    try {
      return { usergroupId: target.usergroupId, current: await usergroupMembers(bot.client, target.usergroupId) };
    } catch (error) {
      // Deleted in Slack since: find or create it again below.
      if (!(error instanceof SlackApiError && error.error === 'no_such_subteam')) throw error;
    }
  }
  const found = await findUsergroupByHandle(bot.client, target.handle);
  if (found) {
    if (found.disabled) await asGroupManager(slack, (actor) => enableUsergroup(actor.client, found.id));
    await recordUserGroupId(slack.deps, target, found.id);
    return { usergroupId: found.id, current: await usergroupMembers(bot.client, found.id), via: `adopted the existing @${target.handle}` };
  }
  const description = `Who is on call for ${target.scheduleName}, kept in step by Hikeshi`;
  const created = await asGroupManager(slack, async (actor) => {
    try {
      return await createUsergroup(actor.client, { name: `On-call: ${target.scheduleName}`, handle: target.handle, description });
    } catch (error) {
      if (!(error instanceof SlackApiError && error.error === 'name_already_exists')) throw error;
      return createUsergroup(actor.client, { name: `On-call: ${target.scheduleName} (@${target.handle})`, handle: target.handle, description });
    }
  });
  await recordUserGroupId(slack.deps, target, created.value);
  return { usergroupId: created.value, current: [], via: `created @${target.handle} with ${created.via}` };
}

/** What Slack says each person on call is (users.info, cached briefly): only full members may join. */
async function classify(slack: SlackAutomation, client: WebClient, target: SyncTarget): Promise<OnCallMember[]> {
  const people: OnCallMember[] = [];
  for (const person of target.onCall) {
    const base = { userId: person.id, name: person.name, slackUserId: person.slackUserId };
    if (!person.slackUserId) {
      people.push({ ...base, kind: 'unlinked' });
      continue;
    }
    try {
      people.push({ ...base, kind: classifySlackUser(await slack.runtime.users.lookup(client, person.slackUserId)) });
    } catch (error) {
      if (!(error instanceof SlackApiError && (error.error === 'user_not_found' || error.error === 'user_not_visible'))) throw error;
      people.push({ ...base, kind: 'unlinked' });
    }
  }
  return people;
}

/** Slack refusals about the group itself that no retry fixes, explained; undefined for anything else. */
function groupRefusal(error: unknown, handle: string): string | undefined {
  if (!(error instanceof SlackApiError)) return undefined;
  switch (error.error) {
    case 'plan_upgrade_required':
    case 'paid_teams_only':
      return `Slack user groups need a paid Slack plan (${error.error}); @Hikeshi oncall still reaches the people on call.`;
    case 'handle_already_exists':
      return `@${handle} is taken in Slack by a channel or a person: choose another handle.`;
    case 'bad_handle':
    case 'forbidden_handle':
      return `Slack does not accept @${handle} as a handle (${error.error}): choose another.`;
    case 'invalid_users':
    case 'invalid_user':
    case 'single_channel_guests_cannot_be_added':
      return `Slack refused a member of @${handle} (${error.error}): their account changed since it was looked up; the next reconcile looks again.`;
    default:
      return undefined;
  }
}
