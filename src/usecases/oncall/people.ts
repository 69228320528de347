import { matchPerson, type PersonMatch } from '../../domain/catalog/match-person.js';
import type { Executor } from '../../store/database.js';
import { listUsersByIds, listUsersByKeys } from '../../store/repositories/users.js';

/** A person in an on-call answer: enough to show them and to reach them. */
export interface PersonRef {
  id: string;
  name: string;
  email: string | null;
  slackUserId: string | null;
}

/** References typed by people (id, email, Slack id or name) → a lookup over the users they could mean. */
export async function peopleNamed(tx: Executor, references: Iterable<string>): Promise<(reference: string) => PersonMatch> {
  const users = await listUsersByKeys(tx, [...new Set(references)]);
  return (reference) => matchPerson(users, reference);
}

export type PersonRefs = (id: string) => PersonRef;

/** Refs for user ids; an id with no user left is shown as itself. */
export async function personRefs(tx: Executor, ids: Iterable<string>): Promise<PersonRefs> {
  const users = await listUsersByIds(tx, [...new Set(ids)]);
  const byId = new Map(users.map((u) => [u.id, { id: u.id, name: u.name, email: u.email, slackUserId: u.slackUserId }]));
  return (id) => byId.get(id) ?? { id, name: id, email: null, slackUserId: null };
}
