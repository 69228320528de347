import type { EscalationTarget } from './policy.js';

/** A person as paging needs them: how to name and how to reach them. */
export interface Person {
  id: string;
  name: string;
  email: string | null;
  slackUserId: string | null;
}

/** What the targets mean at the instant a level fires, looked up beforehand. */
export interface TargetLookups {
  people: ReadonlyMap<string, Person>;
  /** Schedule id → the people on call on it now (empty in a gap); absent when the schedule is gone. */
  onCall: ReadonlyMap<string, readonly string[]>;
  /** Team id → its schedules and members; absent when the team is gone. */
  teams: ReadonlyMap<string, { scheduleIds: readonly string[]; memberIds: readonly string[] }>;
  /** Names of the webhooks the settings file declares. */
  webhooks: ReadonlySet<string>;
}

export type Recipient = { type: 'user'; person: Person } | { type: 'webhook'; name: string };

export interface Resolution {
  recipients: Recipient[];
  /** Targets that reach no one, said so on the page's record instead of failing silently. */
  problems: string[];
}

/** Whom a level's targets reach now; each person once, in target order. */
export function resolveTargets(targets: readonly EscalationTarget[], lookups: TargetLookups): Resolution {
  const recipients: Recipient[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const addPerson = (userId: string, via: string) => {
    if (seen.has(`user:${userId}`)) return;
    const person = lookups.people.get(userId);
    if (!person) return void problems.push(`${via}: the user ${userId} no longer exists`);
    seen.add(`user:${userId}`);
    recipients.push({ type: 'user', person });
  };

  for (const target of targets) {
    const via = `${target.type} ${target.name}`;
    if (target.type === 'user') addPerson(target.id, via);
    else if (target.type === 'webhook') {
      if (!lookups.webhooks.has(target.id)) problems.push(`${via}: no longer declared in the settings file`);
      else if (!seen.has(`webhook:${target.id}`)) {
        seen.add(`webhook:${target.id}`);
        recipients.push({ type: 'webhook', name: target.id });
      }
    } else if (target.type === 'schedule') {
      const people = lookups.onCall.get(target.id);
      if (!people) problems.push(`${via}: the schedule no longer exists`);
      else if (!people.length) problems.push(`${via}: no one is on call`);
      else people.forEach((id) => addPerson(id, via));
    } else {
      const team = lookups.teams.get(target.id);
      if (!team) problems.push(`${via}: the team no longer exists`);
      else if (team.scheduleIds.length) {
        const people = team.scheduleIds.flatMap((id) => lookups.onCall.get(id) ?? []);
        if (!people.length) problems.push(`${via}: no one is on call on the team's schedules`);
        people.forEach((id) => addPerson(id, via));
      } else if (!team.memberIds.length) problems.push(`${via}: the team has no schedule and no members`);
      else team.memberIds.forEach((id) => addPerson(id, via));
    }
  }
  return { recipients, problems };
}
