import type { Team } from '../../domain/catalog/team.js';
import { validName } from '../../domain/catalog/validate.js';
import { ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import { getTeam, insertTeam, listTeams as queryTeams, updateTeam as saveTeam } from '../../store/repositories/teams.js';
import { listUsersByIds } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
import { authorize, type Principal } from '../principal.js';
import { insertUnique } from './unique-name.js';

export interface TeamInput {
  name: string;
  description?: string;
  memberIds?: string[];
}

async function checkMembers(tx: Executor, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const users = await listUsersByIds(tx, unique);
  unique.forEach((id, index) => {
    if (!users.some((u) => u.id === id)) throw new ValidationError(`memberIds[${index}]`, `unknown user "${id}"`);
  });
  return unique;
}

export async function createTeam(deps: Deps, input: TeamInput, principal: Principal): Promise<Team> {
  authorize(principal, 'admin');
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const team: Team = {
      id: newId(),
      name: validName(input.name),
      description: input.description ?? '',
      memberIds: await checkMembers(tx, input.memberIds ?? []),
      createdAt: now,
      updatedAt: now,
    };
    await insertUnique(() => insertTeam(tx, team), `A team named "${team.name}" already exists`);
    return team;
  });
}

export async function updateTeam(deps: Deps, id: string, input: Partial<TeamInput>, principal: Principal): Promise<Team> {
  authorize(principal, 'admin');
  return deps.db.transaction().execute(async (tx) => {
    const current = await getTeam(tx, id);
    const team: Team = {
      ...current,
      ...(input.name !== undefined && { name: validName(input.name) }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.memberIds !== undefined && { memberIds: await checkMembers(tx, input.memberIds) }),
      updatedAt: deps.clock.now().toISOString(),
    };
    await insertUnique(() => saveTeam(tx, team), `A team named "${team.name}" already exists`);
    return team;
  });
}

export async function getTeamById(deps: Deps, id: string, principal: Principal): Promise<Team> {
  authorize(principal, 'viewer');
  return getTeam(deps.db, id);
}

export async function listTeams(deps: Deps, query: { cursor?: string; limit?: number }, principal: Principal): Promise<Page<Team>> {
  authorize(principal, 'viewer');
  const limit = query.limit ?? 100;
  const rows = await queryTeams(deps.db, { afterName: query.cursor ? decodeCursor(query.cursor, { name: 'string' }).name : undefined, limit: limit + 1 });
  return pageOf(rows, limit, (last) => ({ name: last.name }));
}
