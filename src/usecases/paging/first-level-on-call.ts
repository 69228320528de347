import { resolveTargets, type Person } from '../../domain/escalation/recipients.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Deps } from '../deps.js';
import { findPolicy } from './read-policies.js';
import { targetLookups } from './target-lookups.js';

/** Who a page to the policy would reach first: its level 1, resolved at an instant. */
export interface PolicyOnCall {
  id: string;
  name: string;
  level: 1;
  people: Person[];
  webhooks: string[];
  /** Targets that reach no one (a schedule in a gap, a team with nobody). */
  problems: string[];
}

/** Level 1 of a policy at `at`, and the schedules it reads (directly or through teams). */
export async function firstLevelOnCall(deps: Deps, key: string, at: Date): Promise<{ policy: PolicyOnCall; scheduleIds: string[] }> {
  let found;
  try {
    found = await findPolicy(deps.db, key);
  } catch (error) {
    if (error instanceof NotFoundError) throw new ValidationError('escalationPolicy', `unknown escalation policy "${key}"`);
    throw error;
  }
  const targets = found.levels[0]?.targets ?? [];
  const lookups = await targetLookups(deps, targets, at);
  const { recipients, problems } = resolveTargets(targets, lookups);
  return {
    policy: {
      id: found.id,
      name: found.name,
      level: 1,
      people: recipients.flatMap((r) => (r.type === 'user' ? [r.person] : [])),
      webhooks: recipients.flatMap((r) => (r.type === 'webhook' ? [r.name] : [])),
      problems,
    },
    scheduleIds: [...lookups.onCall.keys()],
  };
}
