import { sql, type Selectable } from 'kysely';
import type { Alert, AlertTimelineEvent } from '../../domain/alerts/alert.js';
import type { AlertChange, NewAlert, OpenAlert } from '../../domain/alerts/ingest-batch.js';
import type { Actor } from '../../domain/incidents/timeline.js';
import { NotFoundError } from '../../errors.js';
import { supportsRowLocks, type Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { AlertEventsTable, AlertsTable } from '../schema.js';
import { nextValues } from './counters.js';

/** Rows per multi-row statement: well inside both engines' bound-parameter limits. */
const CHUNK = 400;

/**
 * The open alerts among these open keys, locked until the transaction ends on Postgres (a
 * concurrent instance's batch waits; a key it opens meanwhile fails our insert on the
 * unique open_key, and the batch is retried).
 */
export async function findOpenAlerts(tx: Executor, openKeys: readonly string[]): Promise<Map<string, OpenAlert>> {
  const open = new Map<string, OpenAlert>();
  for (let start = 0; start < openKeys.length; start += CHUNK) {
    let query = tx
      .selectFrom('alerts')
      .select(['id', 'open_key', 'status'])
      .where('open_key', 'in', openKeys.slice(start, start + CHUNK));
    if (supportsRowLocks(tx)) query = query.forUpdate();
    for (const row of await query.execute()) {
      open.set(row.open_key!, { id: row.id, status: row.status === 'acknowledged' ? 'acknowledged' : 'firing' });
    }
  }
  return open;
}

/** Inserts an ingest batch's new alerts, numbered in order from one counter reservation. */
export async function insertNewAlerts(tx: Executor, alerts: readonly NewAlert[]): Promise<void> {
  if (alerts.length === 0) return;
  const first = await nextValues(tx, 'alert_number', alerts.length);
  const rows = alerts.map((alert, index) => alertToRow({ ...alert, number: first + index }));
  for (let start = 0; start < rows.length; start += CHUNK) {
    await tx.insertInto('alerts').values(rows.slice(start, start + CHUNK)).execute();
  }
}

/**
 * Applies an ingest batch's changes to alerts that were open (counts, latest payload,
 * status) in one statement per chunk: `UPDATE … FROM (VALUES …)`, which both engines run.
 */
export async function applyAlertChanges(tx: Executor, changes: readonly AlertChange[]): Promise<void> {
  const postgres = supportsRowLocks(tx);
  const timestamp = postgres ? sql`timestamptz` : sql`text`;
  const json = postgres ? sql`jsonb` : sql`text`;
  for (let start = 0; start < changes.length; start += CHUNK) {
    const values = changes
      .slice(start, start + CHUNK)
      .map((c) => sql`(${c.id}, ${c.status}, ${c.occurrencesAdded}, ${c.lastSeenAt}, ${encodeJson(c.lastPayload)}, ${c.acknowledgedAt}, ${c.resolvedAt})`);
    // VALUES columns are column1… on both engines; parameters arrive untyped, hence the casts.
    await sql`
      update alerts set
        status = v.column2,
        open_key = case when v.column2 = 'resolved' then null else alerts.open_key end,
        occurrences = alerts.occurrences + cast(v.column3 as integer),
        last_seen_at = cast(v.column4 as ${timestamp}),
        updated_at = cast(v.column4 as ${timestamp}),
        last_payload = cast(v.column5 as ${json}),
        acknowledged_at = coalesce(cast(v.column6 as ${timestamp}), alerts.acknowledged_at),
        resolved_at = coalesce(cast(v.column7 as ${timestamp}), alerts.resolved_at)
      from (values ${sql.join(values)}) as v
      where alerts.id = v.column1`.execute(tx);
  }
}

export async function findAlert(tx: Executor, key: { id: string } | { number: number }): Promise<Alert | undefined> {
  const query = tx.selectFrom('alerts').selectAll();
  const row = await ('id' in key ? query.where('id', '=', key.id) : query.where('number', '=', key.number)).executeTakeFirst();
  return row ? alertFromRow(row) : undefined;
}

export async function getAlert(tx: Executor, id: string): Promise<Alert> {
  const alert = await findAlert(tx, { id });
  if (!alert) throw new NotFoundError('alert', id);
  return alert;
}

/** The alert, locked until the transaction ends (Postgres; SQLite serialises writers). */
export async function getAlertForUpdate(tx: Executor, id: string): Promise<Alert> {
  let query = tx.selectFrom('alerts').selectAll().where('id', '=', id);
  if (supportsRowLocks(tx)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError('alert', id);
  return alertFromRow(row);
}

/** Writes every mutable column of an alert (status, routing outcome, counters). */
export async function updateAlert(tx: Executor, alert: Alert): Promise<void> {
  const { id, number: _number, created_at: _createdAt, ...changes } = alertToRow(alert);
  await tx.updateTable('alerts').set(changes).where('id', '=', id).execute();
}

export async function insertAlertEvents(tx: Executor, events: readonly AlertTimelineEvent[]): Promise<void> {
  const rows = events.map(eventToRow);
  for (let start = 0; start < rows.length; start += CHUNK) {
    await tx.insertInto('alert_events').values(rows.slice(start, start + CHUNK)).execute();
  }
}

export async function listAlertEvents(tx: Executor, alertId: string): Promise<AlertTimelineEvent[]> {
  const rows = await tx.selectFrom('alert_events').selectAll().where('alert_id', '=', alertId).orderBy('id').execute();
  return rows.map(eventFromRow);
}

function alertToRow(alert: Alert) {
  return {
    id: alert.id,
    number: alert.number,
    integration_id: alert.integrationId,
    source: alert.source,
    dedup_key: alert.dedupKey,
    open_key: alert.status === 'resolved' || alert.integrationId === null ? null : `${alert.integrationId}:${alert.dedupKey}`,
    status: alert.status,
    title: alert.title,
    summary: alert.summary,
    severity: alert.severity,
    source_severity: alert.sourceSeverity,
    labels: encodeJson(alert.labels),
    annotations: encodeJson(alert.annotations),
    group_key: alert.groupKey,
    links: encodeJson(alert.links),
    occurrences: alert.occurrences,
    first_seen_at: alert.firstSeenAt,
    last_seen_at: alert.lastSeenAt,
    acknowledged_at: alert.acknowledgedAt,
    resolved_at: alert.resolvedAt,
    last_payload: encodeJson(alert.lastPayload),
    service_id: alert.serviceId,
    incident_id: alert.incidentId,
    page_id: alert.pageId,
    routed_at: alert.routedAt,
    created_at: alert.createdAt,
    updated_at: alert.updatedAt,
  };
}

export function alertFromRow(row: Selectable<AlertsTable>): Alert {
  return {
    id: row.id,
    number: Number(row.number),
    integrationId: row.integration_id,
    source: row.source as Alert['source'],
    dedupKey: row.dedup_key,
    status: row.status,
    title: row.title,
    summary: row.summary,
    severity: row.severity,
    sourceSeverity: row.source_severity,
    labels: decodeJson(row.labels),
    annotations: decodeJson(row.annotations),
    groupKey: row.group_key,
    links: decodeJson(row.links),
    occurrences: Number(row.occurrences),
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
    lastPayload: decodeJson(row.last_payload),
    serviceId: row.service_id,
    incidentId: row.incident_id,
    pageId: row.page_id,
    routedAt: row.routed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function eventToRow(event: AlertTimelineEvent) {
  return {
    id: event.id,
    alert_id: event.alertId,
    kind: event.kind,
    count: event.count,
    at: event.at,
    actor: event.actor ? encodeJson(event.actor) : null,
    detail: event.detail ? encodeJson(event.detail) : null,
  };
}

function eventFromRow(row: Selectable<AlertEventsTable>): AlertTimelineEvent {
  return {
    id: row.id,
    alertId: row.alert_id,
    kind: row.kind,
    count: Number(row.count),
    at: row.at,
    actor: row.actor ? decodeJson<Actor>(row.actor) : null,
    detail: row.detail ? decodeJson<Record<string, unknown>>(row.detail) : null,
  };
}
