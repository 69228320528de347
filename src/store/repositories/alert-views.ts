import { sql } from 'kysely';
import type { Alert, AlertStatus } from '../../domain/alerts/alert.js';
import type { Executor } from '../database.js';
import { alertFromRow } from './alerts.js';

export interface AlertFilter {
  statuses?: readonly AlertStatus[];
  integrationIds?: readonly string[];
  serviceIds?: readonly string[];
  /** Words in the title, summary or dedup key (case-insensitive). */
  text?: string;
  /** Continue after this number (newest first). */
  beforeNumber?: number;
  limit: number;
}

/** What an alert links to, named, for lists and the alert's page. */
export interface AlertLinks {
  integration: { id: string; name: string; kind: string } | null;
  service: { id: string; name: string } | null;
  incident: { id: string; number: number; title: string } | null;
  page: { id: string; number: number } | null;
}

export async function listAlerts(tx: Executor, filter: AlertFilter): Promise<Alert[]> {
  let query = tx.selectFrom('alerts').selectAll();
  if (filter.statuses?.length) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.integrationIds?.length) query = query.where('integration_id', 'in', [...filter.integrationIds]);
  if (filter.serviceIds?.length) query = query.where('service_id', 'in', [...filter.serviceIds]);
  if (filter.text) {
    const pattern = `%${filter.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(lower(title) like ${pattern} escape '\\' or lower(summary) like ${pattern} escape '\\' or lower(dedup_key) like ${pattern} escape '\\')`,
    );
  }
  if (filter.beforeNumber !== undefined) query = query.where('number', '<', filter.beforeNumber);
  const rows = await query.orderBy('number', 'desc').limit(filter.limit).execute();
  return rows.map(alertFromRow);
}

/** The integrations, services, incidents and pages the alerts name, by id. */
export async function readAlertLinks(tx: Executor, alerts: readonly Alert[]): Promise<Map<string, AlertLinks>> {
  const ids = (pick: (alert: Alert) => string | null) => [...new Set(alerts.map(pick).filter((id): id is string => id !== null))];
  const [integrations, services, incidents, pages] = await Promise.all([
    byIds(ids((a) => a.integrationId), (list) => tx.selectFrom('integrations').select(['id', 'name', 'kind']).where('id', 'in', list).execute()),
    byIds(ids((a) => a.serviceId), (list) => tx.selectFrom('services').select(['id', 'name']).where('id', 'in', list).execute()),
    byIds(ids((a) => a.incidentId), (list) => tx.selectFrom('incidents').select(['id', 'number', 'title']).where('id', 'in', list).execute()),
    byIds(ids((a) => a.pageId), (list) => tx.selectFrom('pages').select(['id', 'number']).where('id', 'in', list).execute()),
  ]);
  return new Map(
    alerts.map((alert) => [
      alert.id,
      {
        integration: (alert.integrationId && integrations.get(alert.integrationId)) || null,
        service: (alert.serviceId && services.get(alert.serviceId)) || null,
        incident: (() => {
          const row = alert.incidentId ? incidents.get(alert.incidentId) : undefined;
          return row ? { id: row.id, number: Number(row.number), title: row.title } : null;
        })(),
        page: (() => {
          const row = alert.pageId ? pages.get(alert.pageId) : undefined;
          return row ? { id: row.id, number: Number(row.number) } : null;
        })(),
      },
    ]),
  );
}

async function byIds<T extends { id: string }>(ids: string[], load: (ids: string[]) => Promise<T[]>): Promise<Map<string, T>> {
  if (!ids.length) return new Map();
  return new Map((await load(ids)).map((row) => [row.id, row]));
}

/** Integrations named by id or by name. */
export async function findIntegrationIds(tx: Executor, keys: readonly string[]): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await tx.selectFrom('integrations').select('id').where((eb) => eb.or([eb('id', 'in', [...keys]), eb('name', 'in', [...keys])])).execute();
  return rows.map((row) => row.id);
}
