import type { SloDefinition } from '../../domain/slo/definition.js';
import type { Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { Database } from '../schema.js';
import type { Selectable } from 'kysely';

export type SloOrigin = 'file' | 'api';

export interface SloRecord {
  definition: SloDefinition;
  serviceId: string;
  origin: SloOrigin;
  /** The file it was read from (origin 'file'). */
  file: string | null;
  createdAt: string;
  updatedAt: string;
}

export async function listSlos(db: Executor, filter: { serviceIds?: string[] } = {}): Promise<SloRecord[]> {
  if (filter.serviceIds && filter.serviceIds.length === 0) return [];
  let query = db.selectFrom('slos').selectAll().orderBy('id');
  if (filter.serviceIds) query = query.where('service_id', 'in', filter.serviceIds);
  return (await query.execute()).map(toRecord);
}

export async function findSlo(db: Executor, id: string): Promise<SloRecord | undefined> {
  const row = await db.selectFrom('slos').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

/** Inserts or replaces the SLO; `createdAt` of an existing row is kept. */
export async function upsertSlo(tx: Executor, record: SloRecord): Promise<void> {
  const row = {
    id: record.definition.id,
    service_id: record.serviceId,
    name: record.definition.name,
    description: record.definition.description,
    definition: encodeJson(record.definition),
    origin: record.origin,
    file: record.file,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
  const { id: _id, created_at: _created, ...changes } = row;
  await tx.insertInto('slos').values(row).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();
}

export async function deleteSlo(tx: Executor, id: string): Promise<void> {
  await tx.deleteFrom('slos').where('id', '=', id).execute();
}

/** Removes the file SLOs not among `keep` (their file was removed, changed or refused). */
export async function deleteFileSlosExcept(tx: Executor, keep: readonly string[]): Promise<string[]> {
  let query = tx.selectFrom('slos').select('id').where('origin', '=', 'file');
  if (keep.length) query = query.where('id', 'not in', [...keep]);
  const gone = (await query.execute()).map((row) => row.id);
  if (gone.length) await tx.deleteFrom('slos').where('id', 'in', gone).execute();
  return gone;
}

function toRecord(row: Selectable<Database['slos']>): SloRecord {
  return {
    definition: decodeJson<SloDefinition>(row.definition),
    serviceId: row.service_id,
    origin: row.origin,
    file: row.file,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
