import type { WebClient } from '@slack/web-api';
import {
  enrolSlackPerson,
  findSlackPrincipal,
  type SlackProfile,
} from '../../usecases/slack-inbound/slack-people.js';
import type { Deps } from '../../usecases/deps.js';
import type { Principal } from '../../usecases/principal.js';
import { callSlack } from '../client.js';

/** A first-seen person's `users.info` may take this long inside Slack's 3-second acknowledgement. */
export const ACK_PROFILE_DEADLINE_MS = 1_500;

/** users.info did not answer in time while Slack waited for an acknowledgement. */
export class SlackProfileUnavailableError extends Error {
  constructor(readonly slackUserId: string) {
    super(`Slack did not return the profile of ${slackUserId} in time`);
  }
}

/**
 * The Hikeshi identity acting for a Slack user. Known people cost one indexed read; a person
 * seen for the first time is read once from `users.info` (a read, not a side effect) and
 * enrolled. `deadlineMs` bounds that read when Slack is waiting for an acknowledgement.
 */
export async function slackPrincipal(
  deps: Deps,
  client: WebClient,
  slackUserId: string,
  options: { deadlineMs?: number } = {},
): Promise<Principal> {
  const known = await findSlackPrincipal(deps, slackUserId);
  if (known) return known;
  const read = readSlackProfile(client, slackUserId);
  const profile = options.deadlineMs === undefined ? await read : await withDeadline(read, options.deadlineMs, slackUserId);
  return enrolSlackPerson(deps, profile);
}

export async function readSlackProfile(client: WebClient, slackUserId: string): Promise<SlackProfile> {
  const answer = await callSlack('users.info', () => client.users.info({ user: slackUserId }));
  const u = answer.user ?? {};
  return {
    slackUserId,
    name: u.real_name || u.profile?.real_name || u.profile?.display_name || u.name || slackUserId,
    email: u.profile?.email ?? null,
    timeZone: u.tz ?? null,
    isAdmin: u.is_admin === true,
    isOwner: u.is_owner === true,
    isRestricted: u.is_restricted === true,
    isUltraRestricted: u.is_ultra_restricted === true,
    isBot: u.is_bot === true || u.is_app_user === true,
    deleted: u.deleted === true,
  };
}

async function withDeadline<T>(work: Promise<T>, ms: number, slackUserId: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SlackProfileUnavailableError(slackUserId)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
