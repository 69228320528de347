import type { EscalationPolicy } from '../../domain/escalation/policy.js';
import { NotFoundError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import { findPoliciesByIdOrName, listPolicies as queryPolicies } from '../../store/repositories/escalation-policies.js';
import type { Deps } from '../deps.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
import { authorize, type Principal } from '../principal.js';

/** A policy named by id or exact name; NotFoundError otherwise. */
export async function findPolicy(tx: Executor, key: string): Promise<EscalationPolicy> {
  const found = await findPoliciesByIdOrName(tx, [key]);
  const match = found.find((p) => p.id === key) ?? found.find((p) => p.name === key);
  if (!match) throw new NotFoundError('escalation policy', key);
  return match;
}

export async function getPolicy(deps: Deps, key: string, principal: Principal): Promise<EscalationPolicy> {
  authorize(principal, 'viewer');
  return findPolicy(deps.db, key);
}

export async function listPolicies(deps: Deps, query: { cursor?: string; limit?: number; teamId?: string }, principal: Principal): Promise<Page<EscalationPolicy>> {
  authorize(principal, 'viewer');
  const limit = query.limit ?? 100;
  const rows = await queryPolicies(deps.db, {
    ...(query.cursor && { afterName: decodeCursor(query.cursor, { name: 'string' }).name }),
    limit: limit + 1,
    ...(query.teamId && { teamId: query.teamId }),
  });
  return pageOf(rows, limit, (last) => ({ name: last.name }));
}
