import type { EscalationTarget } from '../../domain/escalation/policy.js';
import type { Person, TargetLookups } from '../../domain/escalation/recipients.js';
import { onCallAt } from '../../domain/oncall/queries.js';
import type { Deps } from '../deps.js';
import { findTeamsByIdOrName } from '../../store/repositories/teams.js';
import { listUsersByIds } from '../../store/repositories/users.js';
import { liveSchedules } from '../oncall/compiled-schedules.js';

/**
 * What a level's targets mean at `at`: who is on call on each schedule named (directly or
 * through a team), each team's members, and every person involved. Read before the
 * transaction that records the notifications, like any other lookup.
 */
export async function targetLookups(deps: Deps, targets: readonly EscalationTarget[], at: Date): Promise<TargetLookups> {
  const ids = (type: EscalationTarget['type']) => targets.filter((t) => t.type === type).map((t) => t.id);
  const teamIds = ids('team');
  const teams = await findTeamsByIdOrName(deps.db, teamIds);
  const schedules = [
    ...(ids('schedule').length ? await liveSchedules(deps.db, { ids: ids('schedule') }) : []),
    ...(teamIds.length ? await liveSchedules(deps.db, { teamIds }) : []),
  ];
  const onCall = new Map<string, string[]>();
  for (const live of schedules) {
    const current = live.compiled ? onCallAt(live.compiled, at) : null;
    onCall.set(live.record.id, current ? [current.userId] : []);
  }
  const teamInfo = new Map(
    teams
      .filter((t) => teamIds.includes(t.id))
      .map((t) => [t.id, { scheduleIds: schedules.filter((s) => s.record.teamId === t.id).map((s) => s.record.id), memberIds: t.memberIds }]),
  );
  const userIds = [...ids('user'), ...[...onCall.values()].flat(), ...[...teamInfo.values()].flatMap((t) => t.memberIds)];
  const users = await listUsersByIds(deps.db, userIds);
  const people = new Map<string, Person>(users.map((u) => [u.id, { id: u.id, name: u.name, email: u.email, slackUserId: u.slackUserId }]));
  return { people, onCall, teams: teamInfo, webhooks: new Set(Object.keys(deps.settings.paging.webhooks)) };
}
