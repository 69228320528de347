import type { Service } from '../../domain/catalog/team.js';
import { validName, validTier } from '../../domain/catalog/validate.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import { getService, insertService, listServices as queryServices, updateService as saveService } from '../../store/repositories/services.js';
import { getTeam } from '../../store/repositories/teams.js';
import type { Deps } from '../deps.js';
import { findPolicy } from '../paging/read-policies.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
import { authorize, type Principal } from '../principal.js';
import { insertUnique } from './unique-name.js';

export interface ServiceInput {
  name: string;
  description?: string;
  teamId?: string | null;
  tier?: number;
  /** Escalation policy id or name; null removes it. */
  escalationPolicy?: string | null;
}

async function checkPolicy(tx: Executor, key: string | null | undefined): Promise<string | null> {
  if (!key) return null;
  try {
    return (await findPolicy(tx, key.trim())).id;
  } catch (error) {
    if (error instanceof NotFoundError) throw new ValidationError('escalationPolicy', `unknown escalation policy "${key}"`);
    throw error;
  }
}

async function checkTeam(tx: Executor, teamId: string | null | undefined): Promise<string | null> {
  if (!teamId) return null;
  try {
    return (await getTeam(tx, teamId)).id;
  } catch (error) {
    if (error instanceof NotFoundError) throw new ValidationError('teamId', `unknown team "${teamId}"`);
    throw error;
  }
}

export async function createService(deps: Deps, input: ServiceInput, principal: Principal): Promise<Service> {
  authorize(principal, 'admin');
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const service: Service = {
      id: newId(),
      name: validName(input.name),
      description: input.description ?? '',
      teamId: await checkTeam(tx, input.teamId),
      tier: validTier(input.tier ?? 3),
      escalationPolicyId: await checkPolicy(tx, input.escalationPolicy),
      createdAt: now,
      updatedAt: now,
    };
    await insertUnique(() => insertService(tx, service), `A service named "${service.name}" already exists`);
    return service;
  });
}

export async function updateService(deps: Deps, id: string, input: Partial<ServiceInput>, principal: Principal): Promise<Service> {
  authorize(principal, 'admin');
  return deps.db.transaction().execute(async (tx) => {
    const current = await getService(tx, id);
    const service: Service = {
      ...current,
      ...(input.name !== undefined && { name: validName(input.name) }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.teamId !== undefined && { teamId: await checkTeam(tx, input.teamId) }),
      ...(input.tier !== undefined && { tier: validTier(input.tier) }),
      ...(input.escalationPolicy !== undefined && { escalationPolicyId: await checkPolicy(tx, input.escalationPolicy) }),
      updatedAt: deps.clock.now().toISOString(),
    };
    await insertUnique(() => saveService(tx, service), `A service named "${service.name}" already exists`);
    return service;
  });
}

export async function getServiceById(deps: Deps, id: string, principal: Principal): Promise<Service> {
  authorize(principal, 'viewer');
  return getService(deps.db, id);
}

export async function listServices(
  deps: Deps,
  query: { cursor?: string; limit?: number; teamId?: string },
  principal: Principal,
): Promise<Page<Service>> {
  authorize(principal, 'viewer');
  const limit = query.limit ?? 100;
  const rows = await queryServices(deps.db, {
    afterName: query.cursor ? decodeCursor(query.cursor, { name: 'string' }).name : undefined,
    limit: limit + 1,
    teamId: query.teamId,
  });
  return pageOf(rows, limit, (last) => ({ name: last.name }));
}
