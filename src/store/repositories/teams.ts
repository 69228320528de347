import type { Team } from '../../domain/catalog/team.js';
import { NotFoundError } from '../../errors.js';
import type { Executor } from '../database.js';

export async function insertTeam(tx: Executor, team: Team): Promise<void> {
  await tx
    .insertInto('teams')
    .values({ id: team.id, name: team.name, description: team.description, created_at: team.createdAt, updated_at: team.updatedAt })
    .execute();
  await replaceMembers(tx, team.id, team.memberIds);
}

export async function updateTeam(tx: Executor, team: Team): Promise<void> {
  await tx
    .updateTable('teams')
    .set({ name: team.name, description: team.description, updated_at: team.updatedAt })
    .where('id', '=', team.id)
    .execute();
  await replaceMembers(tx, team.id, team.memberIds);
}

export async function getTeam(tx: Executor, id: string): Promise<Team> {
  const row = await tx.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('team', id);
  return (await withMembers(tx, [row]))[0]!;
}

/** Teams named by id or by exact name, as people type them; returns what matched. */
export async function findTeamsByIdOrName(tx: Executor, keys: readonly string[]): Promise<Team[]> {
  if (!keys.length) return [];
  const rows = await tx
    .selectFrom('teams')
    .selectAll()
    .where((eb) => eb.or([eb('id', 'in', [...keys]), eb('name', 'in', [...keys])]))
    .execute();
  return withMembers(tx, rows);
}

export async function listTeams(tx: Executor, options: { afterName?: string; limit: number }): Promise<Team[]> {
  let query = tx.selectFrom('teams').selectAll();
  if (options.afterName !== undefined) query = query.where('name', '>', options.afterName);
  const rows = await query.orderBy('name').limit(options.limit).execute();
  return withMembers(tx, rows);
}

async function replaceMembers(tx: Executor, teamId: string, userIds: readonly string[]): Promise<void> {
  await tx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (userIds.length) {
    await tx.insertInto('team_members').values(userIds.map((user_id) => ({ team_id: teamId, user_id }))).execute();
  }
}

async function withMembers(
  tx: Executor,
  rows: { id: string; name: string; description: string; created_at: string; updated_at: string }[],
): Promise<Team[]> {
  if (!rows.length) return [];
  const members = await tx
    .selectFrom('team_members')
    .select(['team_id', 'user_id'])
    .where('team_id', 'in', rows.map((r) => r.id))
    .orderBy('user_id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    memberIds: members.filter((m) => m.team_id === row.id).map((m) => m.user_id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
