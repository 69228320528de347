import type { Alert, AlertStatus, AlertTimelineEvent } from '../../domain/alerts/alert.js';
import { incidentReference } from '../../domain/incidents/incident.js';
import { NotFoundError } from '../../errors.js';
import { UUID_PATTERN } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import { findAlert, listAlertEvents } from '../../store/repositories/alerts.js';
import { findIntegrationIds, listAlerts as queryAlerts, readAlertLinks, type AlertLinks } from '../../store/repositories/alert-views.js';
import type { Deps } from '../deps.js';
import { resolveServiceIds } from '../incidents/resolve-references.js';
import { decodeCursor, pageOf, type Page } from '../pagination.js';
import { authorize, type Principal } from '../principal.js';

/** An alert as the API answers: what it links to named; its payload and timeline on its own page only. */
export interface AlertView extends Omit<Alert, 'lastPayload'> {
  integration: AlertLinks['integration'];
  service: AlertLinks['service'];
  incident: { id: string; reference: string; title: string } | null;
  page: AlertLinks['page'];
  lastPayload?: unknown;
  events?: AlertTimelineEvent[];
}

export type AlertStatusFilter = 'open' | AlertStatus;

export interface AlertListQuery {
  status?: AlertStatusFilter;
  /** Integration ids or names. */
  integrations?: string[];
  /** Service ids or names. */
  services?: string[];
  q?: string;
  limit?: number;
  cursor?: string;
}

const STATUSES: Record<AlertStatusFilter, AlertStatus[]> = {
  open: ['firing', 'acknowledged'],
  firing: ['firing'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
};

/** Alerts newest first; an unknown integration matches nothing, an unknown service is refused (422). */
export async function listAlerts(deps: Deps, query: AlertListQuery, principal: Principal): Promise<Page<AlertView>> {
  authorize(principal, 'viewer');
  const limit = query.limit ?? 50;
  const integrationIds = query.integrations?.length ? await findIntegrationIds(deps.db, query.integrations) : undefined;
  const serviceIds = query.services?.length ? await resolveServiceIds(deps.db, query.services, 'service') : undefined;
  if (integrationIds?.length === 0 || serviceIds?.length === 0) return { items: [], nextCursor: null };
  const rows = await queryAlerts(deps.db, {
    ...(query.status && { statuses: STATUSES[query.status] }),
    ...(integrationIds && { integrationIds }),
    ...(serviceIds && { serviceIds }),
    ...(query.q?.trim() && { text: query.q.trim() }),
    ...(query.cursor && { beforeNumber: decodeCursor(query.cursor, { number: 'number' }).number }),
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (last) => ({ number: last.number }));
  const links = await readAlertLinks(deps.db, page.items);
  return { items: page.items.map((alert) => alertView(alert, links.get(alert.id)!)), nextCursor: page.nextCursor };
}

/** One alert with its last payload and its whole timeline. */
export async function getAlert(deps: Deps, ref: string, principal: Principal): Promise<AlertView> {
  authorize(principal, 'viewer');
  return readAlertView(deps.db, (await findAlertByRef(deps.db, ref)).id);
}

export async function readAlertView(tx: Executor, id: string): Promise<AlertView> {
  const alert = await findAlertByRef(tx, id);
  const [links, events] = await Promise.all([readAlertLinks(tx, [alert]), listAlertEvents(tx, alert.id)]);
  return { ...alertView(alert, links.get(alert.id)!), lastPayload: alert.lastPayload, events };
}

/** Alerts are named by id or by number (`12`, `#12`). */
export async function findAlertByRef(tx: Executor, ref: string): Promise<Alert> {
  const key = ref.trim();
  const number = /^#?(\d{1,9})$/.exec(key)?.[1];
  const alert = UUID_PATTERN.test(key) ? await findAlert(tx, { id: key }) : number ? await findAlert(tx, { number: Number(number) }) : undefined;
  if (!alert) throw new NotFoundError('alert', ref);
  return alert;
}

function alertView(alert: Alert, links: AlertLinks): AlertView {
  const { lastPayload: _payload, ...rest } = alert;
  return {
    ...rest,
    integration: links.integration,
    service: links.service,
    incident: links.incident ? { id: links.incident.id, reference: incidentReference(links.incident.number), title: links.incident.title } : null,
    page: links.page,
  };
}
