import { matchPerson } from '../../domain/catalog/match-person.js';
import type { TargetLookup, TargetType } from '../../domain/escalation/policy.js';
import type { Settings } from '../../config/settings.js';
import type { Executor } from '../../store/database.js';
import { findSchedulesByIdOrName } from '../../store/repositories/schedules.js';
import { findTeamsByIdOrName } from '../../store/repositories/teams.js';
import { listUsersByKeys } from '../../store/repositories/users.js';

/** Looks up, in one round trip per kind, every target reference a policy names. */
export async function targetLookup(tx: Executor, settings: Settings, references: readonly { type: string; id: string }[]): Promise<TargetLookup> {
  const keys = (type: TargetType) => [...new Set(references.filter((r) => r.type === type).map((r) => r.id.trim()).filter(Boolean))];
  const [users, schedules, teams] = await Promise.all([
    listUsersByKeys(tx, keys('user')),
    findSchedulesByIdOrName(tx, keys('schedule')),
    findTeamsByIdOrName(tx, keys('team')),
  ]);
  const byIdOrName = <T extends { id: string; name: string }>(rows: readonly T[], key: string) =>
    rows.find((r) => r.id === key) ?? rows.find((r) => r.name === key);
  return (type, reference) => {
    if (type === 'user') {
      const match = matchPerson(users, reference);
      const user = typeof match === 'string' ? users.find((u) => u.id === match) : undefined;
      return user && { id: user.id, name: user.name };
    }
    if (type === 'webhook') return Object.hasOwn(settings.paging.webhooks, reference) ? { id: reference, name: reference } : undefined;
    const found = type === 'schedule' ? byIdOrName(schedules, reference) : byIdOrName(teams, reference);
    return found && { id: found.id, name: found.name };
  };
}
