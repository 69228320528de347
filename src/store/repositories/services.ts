import type { Service } from '../../domain/catalog/team.js';
import { NotFoundError } from '../../errors.js';
import type { Executor } from '../database.js';

type ServiceRow = {
  id: string;
  name: string;
  description: string;
  team_id: string | null;
  tier: number;
  escalation_policy_id: string | null;
  created_at: string;
  updated_at: string;
};

export async function insertService(tx: Executor, service: Service): Promise<void> {
  await tx.insertInto('services').values(toRow(service)).execute();
}

export async function updateService(tx: Executor, service: Service): Promise<void> {
  await tx.updateTable('services').set(toRow(service)).where('id', '=', service.id).execute();
}

export async function getService(tx: Executor, id: string): Promise<Service> {
  const row = await tx.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('service', id);
  return fromRow(row);
}

/** Services named by id or by exact name, as people type them; returns what matched. */
export async function findServicesByIdOrName(tx: Executor, keys: readonly string[]): Promise<Service[]> {
  if (!keys.length) return [];
  const rows = await tx
    .selectFrom('services')
    .selectAll()
    .where((eb) => eb.or([eb('id', 'in', [...keys]), eb('name', 'in', [...keys])]))
    .execute();
  return rows.map(fromRow);
}

export async function listServicesByIds(tx: Executor, ids: readonly string[]): Promise<Service[]> {
  if (!ids.length) return [];
  const rows = await tx.selectFrom('services').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return rows.map(fromRow);
}

export async function listServices(tx: Executor, options: { afterName?: string; limit: number; teamId?: string }): Promise<Service[]> {
  let query = tx.selectFrom('services').selectAll();
  if (options.teamId) query = query.where('team_id', '=', options.teamId);
  if (options.afterName !== undefined) query = query.where('name', '>', options.afterName);
  const rows = await query.orderBy('name').limit(options.limit).execute();
  return rows.map(fromRow);
}

function toRow(service: Service): ServiceRow {
  return {
    id: service.id,
    name: service.name,
    description: service.description,
    team_id: service.teamId,
    tier: service.tier,
    escalation_policy_id: service.escalationPolicyId,
    created_at: service.createdAt,
    updated_at: service.updatedAt,
  };
}

function fromRow(row: ServiceRow): Service {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    teamId: row.team_id,
    tier: Number(row.tier),
    escalationPolicyId: row.escalation_policy_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
