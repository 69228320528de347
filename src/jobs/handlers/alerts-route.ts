import type { Deps } from '../../usecases/deps.js';
import { routeAlerts } from '../../usecases/alerts/route-alerts.js';
import type { JobHandler } from '../handler.js';

/**
 * `alerts.routeAlerts`: the alerts one committed ingest batch (or an API acknowledge /
 * resolve) opened, acknowledged or resolved, carried through routing, paging, incidents
 * and their timelines. Idempotent: each alert's state says what was already done.
 */
export interface AlertsRoutePayload {
  alertIds: string[];
}

export function alertsRoute(deps: Deps): JobHandler<AlertsRoutePayload> {
  return async (payload, ctx) => {
    const outcomes = await routeAlerts(deps, payload.alertIds, ctx.now);
    ctx.logger?.info({ alerts: payload.alertIds.length, outcomes }, 'alerts routed');
  };
}
