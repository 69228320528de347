import { alternativeName, channelName } from '../../domain/slack/channel-name.js';
import { planInvites } from '../../domain/slack/invite-plan.js';
import type { JobHandler } from '../../jobs/handler.js';
import { findChannelOwner, recordChannelCreated } from '../../usecases/slack/record-channel-created.js';
import { readSlackIncident } from '../../usecases/slack/slack-incident.js';
import { SlackApiError, callSlack } from '../client.js';
import { requireAutomation, type SlackActor, type SlackAutomation } from './automation.js';
import { runStep } from './run-step.js';

/** `slack.createChannel`: the incident's channel, exactly one, however often the job runs. */
export interface CreateChannelPayload {
  incidentId: string;
}

/** Names tried before giving up: the pattern's name, then `-2` ... `-10`. */
const NAME_ATTEMPTS = 10;
/** Refusals that mean "this token may not create channels here" (a workspace preference): the admin may. */
const CREATOR_REFUSALS = new Set(['restricted_action', 'cannot_create_channel']);

export function createChannelHandler(automation: SlackAutomation | undefined): JobHandler<CreateChannelPayload> {
  return async (payload, ctx) => {
    const slack = requireAutomation(automation);
    await runStep(slack, payload.incidentId, ctx, async () => {
      const { incident, channel } = await readSlackIncident(slack.deps, payload.incidentId);
      if (channel) return; // stored by an earlier run, with its follow-up jobs
      const bot = await slack.bot();
      const creators = await creatorsFor(slack, bot);
      const name = channelName(slack.settings.channelName, incident);
      const made = await createOrAdopt(slack, bot, creators, incident.id, name);
      // A channel the admin created must have the bot in it: the bot posts, sets the topic, invites.
      if (made.creator.kind === 'admin') await inviteBot(made.creator, made.channelId, bot.userId);
      await recordChannelCreated(slack.deps, {
        incidentId: incident.id,
        channelId: made.channelId,
        channelName: made.channelName,
        via: made.creator.kind,
        adopted: made.adopted,
      });
    });
  };
}

/**
 * Who creates the channel, in order of preference: `user` (with an admin token) the admin;
 * `bot` the bot; `auto` the bot, and the admin when the workspace lets only admins create channels.
 */
async function creatorsFor(slack: SlackAutomation, bot: SlackActor): Promise<(() => Promise<SlackActor | undefined>)[]> {
  if (slack.strategy === 'bot') return [async () => bot];
  const admin = slack.strategy === 'user' ? await slack.admin() : undefined;
  const plan = planInvites({ strategy: slack.strategy, invitees: [], members: [], adminUserId: admin?.userId ?? null });
  if (plan.creator === 'admin') return [async () => admin];
  return slack.strategy === 'auto' ? [async () => bot, () => slack.admin()] : [async () => bot];
}

interface MadeChannel {
  channelId: string;
  channelName: string;
  creator: SlackActor;
  adopted: boolean;
}

async function createOrAdopt(
  slack: SlackAutomation,
  bot: SlackActor,
  creators: (() => Promise<SlackActor | undefined>)[],
  incidentId: string,
  name: string,
): Promise<MadeChannel> {
  let refusal: SlackApiError | undefined;
  for (const next of creators) {
    const creator = await next();
    if (!creator) break;
    try {
      return await createWithFreeName(slack, bot, creator, incidentId, name);
    } catch (error) {
      if (!(error instanceof SlackApiError && CREATOR_REFUSALS.has(error.error))) throw error;
      refusal = error;
    }
  }
  throw refusal ?? new SlackApiError('conversations.create', 'no_token_may_create_channels');
}

/**
 * Creates `name`, or `name-2`, `name-3`... when taken. A taken name whose channel this same
 * token created and no incident owns is the channel an earlier run created before it could
 * store the id (a crash, a lost answer): it is adopted rather than duplicated.
 */
async function createWithFreeName(
  slack: SlackAutomation,
  bot: SlackActor,
  creator: SlackActor,
  incidentId: string,
  name: string,
): Promise<MadeChannel> {
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
    const candidate = attempt === 0 ? name : alternativeName(name, attempt);
    try {
      const answer = await callSlack('conversations.create', () => creator.client.conversations.create({ name: candidate }));
      if (!answer.channel?.id) throw new Error('Slack conversations.create answered without a channel id');
      return { channelId: answer.channel.id, channelName: answer.channel.name ?? candidate, creator, adopted: false };
    } catch (error) {
      if (!(error instanceof SlackApiError && error.error === 'name_taken')) throw error;
    }
    const existing = await findChannelByName(bot, candidate);
    if (existing && !existing.archived && existing.creator === creator.userId) {
      const owner = await findChannelOwner(slack.deps, existing.id);
      if (owner === undefined || owner === incidentId) return { channelId: existing.id, channelName: candidate, creator, adopted: true };
    }
  }
  throw new SlackApiError('conversations.create', 'name_taken');
}

async function findChannelByName(
  bot: SlackActor,
  name: string,
): Promise<{ id: string; creator: string | undefined; archived: boolean } | undefined> {
  let cursor: string | undefined;
  do {
    const page = await callSlack('conversations.list', () =>
      bot.client.conversations.list({ types: 'public_channel', limit: 1000, ...(cursor ? { cursor } : {}) }),
    );
    const found = page.channels?.find((c) => c.name === name);
    if (found?.id) return { id: found.id, creator: found.creator, archived: found.is_archived === true };
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return undefined;
}

async function inviteBot(admin: SlackActor, channelId: string, botUserId: string): Promise<void> {
  try {
    await callSlack('conversations.invite', () => admin.client.conversations.invite({ channel: channelId, users: botUserId }));
  } catch (error) {
    if (!(error instanceof SlackApiError && error.error === 'already_in_channel')) throw error;
  }
}
