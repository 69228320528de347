import type { IncidentChannel } from '../../store/repositories/slack.js';
import { listTeams } from '../catalog/teams.js';
import type { Deps } from '../deps.js';
import { SYSTEM_PRINCIPAL } from '../principal.js';
import { loadSlackIncident, slackIdsOf } from './slack-incident.js';

export interface InviteTargets {
  channel: IncidentChannel | undefined;
  /** Slack user ids, deduplicated: declarer and role holders, default responders, default teams. */
  slackUserIds: string[];
}

const TEAM_PAGE = 1_000;

/**
 * Who belongs in the incident channel. Without `userIds`: the declarer, the role holders,
 * the configured default responders (Slack ids) and the members of the configured default
 * teams. With `userIds` (Hikeshi users, e.g. a new commander): just those. People without a
 * Slack id are left out.
 */
export async function readInviteTargets(deps: Deps, incidentId: string, userIds?: readonly string[]): Promise<InviteTargets> {
  const { incident, channel } = await loadSlackIncident(deps.db, deps, incidentId);
  if (userIds) {
    const ids = await slackIdsOf(deps.db, userIds);
    return { channel, slackUserIds: unique(userIds.flatMap((id) => ids.get(id) ?? [])) };
  }
  const settings = deps.settings.slack;
  const people = [incident.declaredBy, incident.roles.commander, incident.roles.communications, incident.roles.scribe];
  const own = people.flatMap((p) => (p?.slackUserId ? [p.slackUserId] : []));
  let teamMembers: string[] = [];
  if (settings.defaultTeams.length) {
    const page = await listTeams(deps, { limit: TEAM_PAGE }, SYSTEM_PRINCIPAL);
    const teams = page.items.filter((t) => settings.defaultTeams.includes(t.name));
    const memberIds = teams.flatMap((t) => t.memberIds);
    const ids = await slackIdsOf(deps.db, memberIds);
    teamMembers = memberIds.flatMap((id) => ids.get(id) ?? []);
  }
  return { channel, slackUserIds: unique([...own, ...settings.defaultResponders, ...teamMembers]) };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
