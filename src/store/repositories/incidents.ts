import { sql } from 'kysely';
import type { IncidentFields } from '../../domain/fields/definition.js';
import type { Incident } from '../../domain/incidents/incident.js';
import type { IncidentStatus } from '../../domain/incidents/status.js';
import { NotFoundError } from '../../errors.js';
import { supportsRowLocks, type Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { IncidentRow } from '../schema.js';

export interface IncidentFilter {
  statuses?: string[];
  severities?: string[];
  serviceIds?: string[];
  declaredFrom?: string;
  declaredTo?: string;
  text?: string;
  /** Continue after this incident number (keyset pagination, newest first). */
  beforeNumber?: number;
  limit: number;
}

export async function insertIncident(tx: Executor, incident: Incident): Promise<void> {
  await tx.insertInto('incidents').values(toRow(incident)).execute();
  await replaceServices(tx, incident.id, incident.serviceIds);
}

export async function updateIncident(tx: Executor, incident: Incident, previous: Incident): Promise<void> {
  await tx.updateTable('incidents').set(toRow(incident)).where('id', '=', incident.id).execute();
  const same =
    previous.serviceIds.length === incident.serviceIds.length &&
    previous.serviceIds.every((id) => incident.serviceIds.includes(id));
  if (!same) await replaceServices(tx, incident.id, incident.serviceIds);
}

/** Reads an incident and, on Postgres, locks its row until the transaction ends. */
export async function getIncidentForUpdate(tx: Executor, id: string): Promise<Incident> {
  let query = tx.selectFrom('incidents').selectAll().where('id', '=', id);
  if (supportsRowLocks(tx)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('incident', id);
  return (await withServices(tx, [row]))[0]!;
}

export async function findIncidentById(tx: Executor, id: string): Promise<Incident | undefined> {
  const row = await tx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withServices(tx, [row]))[0] : undefined;
}

export async function findIncidentByNumber(tx: Executor, number: number): Promise<Incident | undefined> {
  const row = await tx.selectFrom('incidents').selectAll().where('number', '=', number).executeTakeFirst();
  return row ? (await withServices(tx, [row]))[0] : undefined;
}

export async function listIncidents(tx: Executor, filter: IncidentFilter): Promise<Incident[]> {
  let query = tx.selectFrom('incidents').selectAll();
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
  if (filter.severities?.length) query = query.where('severity', 'in', filter.severities);
  if (filter.serviceIds?.length) {
    const serviceIds = filter.serviceIds;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_services')
          .select('incident_services.incident_id')
          .whereRef('incident_services.incident_id', '=', 'incidents.id')
          .where('incident_services.service_id', 'in', serviceIds),
      ),
    );
  }
  if (filter.declaredFrom) query = query.where('declared_at', '>=', filter.declaredFrom);
  if (filter.declaredTo) query = query.where('declared_at', '<', filter.declaredTo);
  if (filter.text) {
    const pattern = `%${filter.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`(lower(title) like ${pattern} escape '\\' or lower(summary) like ${pattern} escape '\\')`);
  }
  if (filter.beforeNumber !== undefined) query = query.where('number', '<', filter.beforeNumber);
  const rows = await query.orderBy('number', 'desc').limit(filter.limit).execute();
  return withServices(tx, rows);
}

/**
 * Incidents on any of these services whose impact (impact start or declaration → mitigation
 * or resolution, still open when neither) overlaps [from, to): who shares an SLO's bad minutes.
 */
export async function listIncidentsImpacting(tx: Executor, serviceIds: readonly string[], from: string, to: string): Promise<Incident[]> {
  if (!serviceIds.length) return [];
  const rows = await tx
    .selectFrom('incidents')
    .selectAll()
    .where((eb) =>
      eb.and([
        eb.exists(
          eb
            .selectFrom('incident_services')
            .select('incident_services.incident_id')
            .whereRef('incident_services.incident_id', '=', 'incidents.id')
            .where('incident_services.service_id', 'in', [...serviceIds]),
        ),
        eb(eb.fn.coalesce('impact_started_at', 'declared_at'), '<', to),
        eb.or([eb.and([eb('mitigated_at', 'is', null), eb('resolved_at', 'is', null)]), eb(eb.fn.coalesce('mitigated_at', 'resolved_at'), '>', from)]),
      ]),
    )
    .orderBy('number')
    .execute();
  return withServices(tx, rows);
}

export async function countIncidents(tx: Executor): Promise<number> {
  const row = await tx.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function replaceServices(tx: Executor, incidentId: string, serviceIds: readonly string[]): Promise<void> {
  await tx.deleteFrom('incident_services').where('incident_id', '=', incidentId).execute();
  if (serviceIds.length) {
    await tx
      .insertInto('incident_services')
      .values(serviceIds.map((service_id) => ({ incident_id: incidentId, service_id })))
      .execute();
  }
}

async function withServices(tx: Executor, rows: IncidentRow[]): Promise<Incident[]> {
  if (!rows.length) return [];
  const links = await tx
    .selectFrom('incident_services')
    .select(['incident_id', 'service_id'])
    .where('incident_id', 'in', rows.map((r) => r.id))
    .execute();
  const byIncident = new Map<string, string[]>();
  for (const link of links) {
    const list = byIncident.get(link.incident_id) ?? [];
    list.push(link.service_id);
    byIncident.set(link.incident_id, list);
  }
  return rows.map((row) => fromRow(row, byIncident.get(row.id) ?? []));
}

function toRow(incident: Incident) {
  return {
    id: incident.id,
    number: incident.number,
    title: incident.title,
    summary: incident.summary,
    status: incident.status,
    severity: incident.severity,
    tags: encodeJson(incident.tags),
    commander_id: incident.roles.commander,
    communications_lead_id: incident.roles.communications,
    scribe_id: incident.roles.scribe,
    declared_by_id: incident.declaredById,
    impact_started_at: incident.impactStartedAt,
    detected_at: incident.detectedAt,
    declared_at: incident.declaredAt,
    acknowledged_at: incident.acknowledgedAt,
    mitigated_at: incident.mitigatedAt,
    resolved_at: incident.resolvedAt,
    closed_at: incident.closedAt,
    custom_fields: encodeJson(incident.fields),
    created_at: incident.createdAt,
    updated_at: incident.updatedAt,
  };
}

function fromRow(row: IncidentRow, serviceIds: string[]): Incident {
  return {
    id: row.id,
    number: Number(row.number),
    title: row.title,
    summary: row.summary,
    status: row.status as IncidentStatus,
    severity: row.severity,
    tags: decodeJson<string[]>(row.tags),
    serviceIds: serviceIds.sort(),
    roles: {
      commander: row.commander_id,
      communications: row.communications_lead_id,
      scribe: row.scribe_id,
    },
    declaredById: row.declared_by_id,
    impactStartedAt: row.impact_started_at,
    detectedAt: row.detected_at,
    declaredAt: row.declared_at,
    acknowledgedAt: row.acknowledged_at,
    mitigatedAt: row.mitigated_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    fields: decodeJson<IncidentFields>(row.custom_fields),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
