import type { WebClient } from '@slack/web-api';
import { callSlack } from '../client.js';

/** The Slack Web API calls of user-group sync (reference §6); errors sorted by `callSlack`. */

export interface SlackUsergroup {
  id: string;
  handle: string;
  /** Disabled groups keep their members but cannot be mentioned. */
  disabled: boolean;
}

/** The group with this handle, disabled ones included (a handle stays taken while disabled). */
export async function findUsergroupByHandle(client: WebClient, handle: string): Promise<SlackUsergroup | undefined> {
  const answer = await callSlack('usergroups.list', () => client.usergroups.list({ include_disabled: true }));
  const found = answer.usergroups?.find((g) => g.handle === handle);
  return found?.id ? { id: found.id, handle, disabled: (found.date_delete ?? 0) !== 0 } : undefined;
}

export async function createUsergroup(client: WebClient, input: { name: string; handle: string; description: string }): Promise<string> {
  const answer = await callSlack('usergroups.create', () => client.usergroups.create(input));
  if (!answer.usergroup?.id) throw new Error('Slack usergroups.create answered without the group id');
  return answer.usergroup.id;
}

export async function enableUsergroup(client: WebClient, usergroup: string): Promise<void> {
  await callSlack('usergroups.enable', () => client.usergroups.enable({ usergroup }));
}

export async function usergroupMembers(client: WebClient, usergroup: string): Promise<string[]> {
  const answer = await callSlack('usergroups.users.list', () => client.usergroups.users.list({ usergroup, include_disabled: true }));
  return answer.users ?? [];
}

/** Replaces the whole membership; Slack refuses an empty list, so callers never send one. */
export async function setUsergroupMembers(client: WebClient, usergroup: string, members: readonly string[]): Promise<void> {
  await callSlack('usergroups.users.update', () => client.usergroups.users.update({ usergroup, users: members.join(',') }));
}
