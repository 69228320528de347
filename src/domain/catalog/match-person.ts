import type { User } from './user.js';

export type PersonMatch = string | undefined | { ambiguous: number };

/**
 * The person a typed reference names, among `users`: a user id, an email (any case) or a
 * Slack user id names one person; a name (any case) does too when no one else has it.
 * Returns the user id, undefined when no one matches, or how many people share the name.
 */
export function matchPerson(users: readonly User[], reference: string): PersonMatch {
  const key = reference.trim();
  if (key === '') return undefined;
  const lower = key.toLowerCase();
  const exact = users.find((u) => u.id === key) ?? users.find((u) => u.email === lower) ?? users.find((u) => u.slackUserId === key);
  if (exact) return exact.id;
  const named = users.filter((u) => u.name.trim().toLowerCase() === lower);
  if (named.length === 1) return named[0]!.id;
  return named.length > 1 ? { ambiguous: named.length } : undefined;
}
