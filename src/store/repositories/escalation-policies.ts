import type { Selectable } from 'kysely';
import type { EscalationLevel, EscalationPolicy } from '../../domain/escalation/policy.js';
import { NotFoundError } from '../../errors.js';
import { supportsRowLocks, type Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { EscalationPoliciesTable } from '../schema.js';

export async function insertPolicy(tx: Executor, policy: EscalationPolicy): Promise<void> {
  await tx.insertInto('escalation_policies').values(toRow(policy)).execute();
}

export async function updatePolicy(tx: Executor, policy: EscalationPolicy): Promise<void> {
  const { id: _id, created_at: _created, ...changes } = toRow(policy);
  await tx.updateTable('escalation_policies').set(changes).where('id', '=', policy.id).execute();
}

export async function deletePolicy(tx: Executor, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('escalation_policies').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The policy, locked against concurrent writers (and page triggers) until the transaction ends. */
export async function getPolicyForUpdate(tx: Executor, id: string): Promise<EscalationPolicy> {
  let query = tx.selectFrom('escalation_policies').selectAll().where('id', '=', id);
  if (supportsRowLocks(tx)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('escalation policy', id);
  return fromRow(row);
}

/** Policies named by id or by exact name, as people type them. */
export async function findPoliciesByIdOrName(tx: Executor, keys: readonly string[]): Promise<EscalationPolicy[]> {
  if (!keys.length) return [];
  const rows = await tx
    .selectFrom('escalation_policies')
    .selectAll()
    .where((eb) => eb.or([eb('id', 'in', [...keys]), eb('name', 'in', [...keys])]))
    .execute();
  return rows.map(fromRow);
}

export async function listPolicies(tx: Executor, options: { afterName?: string; limit: number; teamId?: string }): Promise<EscalationPolicy[]> {
  let query = tx.selectFrom('escalation_policies').selectAll();
  if (options.afterName !== undefined) query = query.where('name', '>', options.afterName);
  if (options.teamId !== undefined) query = query.where('team_id', '=', options.teamId);
  const rows = await query.orderBy('name').limit(options.limit).execute();
  return rows.map(fromRow);
}

function toRow(policy: EscalationPolicy) {
  return {
    id: policy.id,
    name: policy.name,
    description: policy.description,
    team_id: policy.teamId,
    repeat: policy.repeat,
    levels: encodeJson(policy.levels),
    created_at: policy.createdAt,
    updated_at: policy.updatedAt,
  };
}

function fromRow(row: Selectable<EscalationPoliciesTable>): EscalationPolicy {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    teamId: row.team_id,
    repeat: Number(row.repeat),
    levels: decodeJson<EscalationLevel[]>(row.levels),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
