import type { WebClient } from '@slack/web-api';
import { PermanentError } from '../../jobs/errors.js';
import { callSlack } from '../client.js';
import type { SlackRuntime } from '../runtime.js';
import type { AppIdentity } from './parse-mention.js';

const TTL_MS = 10 * 60_000;
const known = new WeakMap<SlackRuntime, { token: string; identity: AppIdentity; expires: number }>();

/** The app's bot user and handle (`auth.test`), remembered per runtime and token for a while. */
export async function appIdentity(runtime: SlackRuntime, client: WebClient, token: string, nowMs: number): Promise<AppIdentity> {
  const cached = known.get(runtime);
  if (cached && cached.token === token && cached.expires > nowMs) return cached.identity;
  const answer = await callSlack('auth.test', () => client.auth.test());
  if (!answer.user_id) throw new PermanentError('Slack auth.test did not name the bot user');
  const identity = { userId: answer.user_id, handle: answer.user ?? '' };
  known.set(runtime, { token, identity, expires: nowMs + TTL_MS });
  return identity;
}
