import type { WebClient } from '@slack/web-api';
import type { SlackUserFacts } from '../domain/slack/slack-user.js';
import { callSlack } from './client.js';

const TTL_MS = 5 * 60_000;

/**
 * `users.info`, cached briefly: a guest promoted to member (or an admin demoted) is seen
 * within minutes, while one incident's invites cost one lookup per person.
 */
export class SlackUserDirectory {
  private readonly cache = new Map<string, { facts: SlackUserFacts; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async lookup(client: WebClient, userId: string): Promise<SlackUserFacts> {
    const hit = this.cache.get(userId);
    if (hit && hit.expires > this.now()) return hit.facts;
    const answer = await callSlack('users.info', () => client.users.info({ user: userId }));
    const u = answer.user ?? {};
    const facts: SlackUserFacts = {
      id: userId,
      name: u.profile?.display_name || u.real_name || u.name || userId,
      isAdmin: u.is_admin === true,
      isOwner: u.is_owner === true,
      isBot: u.is_bot === true || u.is_app_user === true,
      isRestricted: u.is_restricted === true,
      isUltraRestricted: u.is_ultra_restricted === true,
      deleted: u.deleted === true,
    };
    this.cache.set(userId, { facts, expires: this.now() + TTL_MS });
    return facts;
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }
}
