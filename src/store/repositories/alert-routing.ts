import type { Alert, AlertStatus } from '../../domain/alerts/alert.js';
import { supportsRowLocks, type Executor } from '../database.js';
import { alertFromRow } from './alerts.js';

/** An alert with what routing has already carried out for it. */
export interface RoutingAlert {
  alert: Alert;
  /** The status whose consequences were carried out; null until the alert was routed. */
  routedStatus: AlertStatus | null;
}

/**
 * Claims the alert for routing until the transaction ends and reads it. The claim is a
 * write (a no-op update), so it takes the row lock on Postgres and the write lock on
 * SQLite before anything is read: two runners never route the same alert at once.
 */
export async function claimAlertForRouting(tx: Executor, id: string): Promise<RoutingAlert | undefined> {
  const claimed = await tx.updateTable('alerts').set((eb) => ({ routed_status: eb.ref('routed_status') })).where('id', '=', id).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return undefined;
  const row = await tx.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { alert: alertFromRow(row), routedStatus: row.routed_status };
}

/** Records what routing carried out; the other columns are the alert repository's. */
export async function recordRouting(
  tx: Executor,
  alert: Pick<Alert, 'id' | 'serviceId' | 'incidentId' | 'pageId' | 'routedAt'>,
  routedStatus: AlertStatus,
): Promise<void> {
  await tx
    .updateTable('alerts')
    .set({ service_id: alert.serviceId, incident_id: alert.incidentId, page_id: alert.pageId, routed_at: alert.routedAt, routed_status: routedStatus })
    .where('id', '=', alert.id)
    .execute();
}

export interface RoutedService {
  id: string;
  name: string;
  tier: number;
  escalationPolicyId: string | null;
}

/**
 * The service a route names (by name, else by id), locked until the transaction ends:
 * alerts for one service are routed one at a time, so a burst finds the incident or page
 * the first alert made instead of making its own. (SQLite serialises writers already.)
 */
export async function lockServiceForRouting(tx: Executor, key: string): Promise<RoutedService | undefined> {
  const find = async (column: 'name' | 'id') => {
    let query = tx.selectFrom('services').select(['id', 'name', 'tier', 'escalation_policy_id']).where(column, '=', key);
    if (supportsRowLocks(tx)) query = query.forUpdate();
    return query.executeTakeFirst();
  };
  const row = (await find('name')) ?? (await find('id'));
  return row ? { id: row.id, name: row.name, tier: Number(row.tier), escalationPolicyId: row.escalation_policy_id } : undefined;
}

/** The service's newest incident that is neither resolved nor closed. */
export async function findOpenIncidentOfService(tx: Executor, serviceId: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('incidents')
    .innerJoin('incident_services', 'incident_services.incident_id', 'incidents.id')
    .select('incidents.id')
    .where('incident_services.service_id', '=', serviceId)
    .where('incidents.status', 'not in', ['resolved', 'closed'])
    .orderBy('incidents.number', 'desc')
    .executeTakeFirst();
  return row?.id;
}

/** The service's newest page made from its alerts that is still triggered or acknowledged. */
export async function findOpenAlertPageOfService(tx: Executor, serviceId: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('pages')
    .innerJoin('alerts', 'alerts.page_id', 'pages.id')
    .select('pages.id')
    .where('alerts.service_id', '=', serviceId)
    .where('pages.source', '=', 'alert')
    .where('pages.status', 'in', ['triggered', 'acknowledged'])
    .orderBy('pages.number', 'desc')
    .executeTakeFirst();
  return row?.id;
}

/** How many alerts other than `exceptId` on the page / incident are not resolved. */
export async function countOpenAlertsOn(tx: Executor, on: { pageId: string } | { incidentId: string }, exceptId: string): Promise<number> {
  const row = await tx
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('pageId' in on ? 'page_id' : 'incident_id', '=', 'pageId' in on ? on.pageId : on.incidentId)
    .where('status', '<>', 'resolved')
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** How many alerts are (or were) on the incident. */
export async function countAlertsOnIncident(tx: Executor, incidentId: string): Promise<number> {
  const row = await tx
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('incident_id', '=', incidentId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
