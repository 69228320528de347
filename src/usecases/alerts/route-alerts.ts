import { claimAlertForRouting, recordRouting } from '../../store/repositories/alert-routing.js';
import type { Deps } from '../deps.js';
import { followAlertStatus } from './follow-alert-status.js';
import { appendAlertEvents } from './alert-records.js';
import { routeOpenedAlert } from './route-opened-alert.js';

/** What routing did, per outcome, for the job's log line. */
export type RouteOutcomes = Record<string, number>;

/**
 * The `alerts.routeAlerts` job: each alert, in its own transaction with the alert claimed,
 * is routed once when it opened (page / declare / attach) and its acknowledgement or
 * resolution carried to its page and incident once. A retried or repeated job finds the
 * work recorded (`routed_at`, `routed_status`) and does nothing twice; pages are keyed
 * `alert:<alertId>` besides.
 */
export async function routeAlerts(deps: Deps, alertIds: readonly string[], now: Date): Promise<RouteOutcomes> {
  const outcomes: RouteOutcomes = {};
  for (const id of new Set(alertIds)) {
    const done = await deps.db.transaction().execute(async (tx) => {
      const claimed = await claimAlertForRouting(tx, id);
      if (!claimed) return ['missing'];
      let { alert, routedStatus } = claimed;
      const did: string[] = [];
      if (alert.routedAt === null) {
        if (alert.status === 'resolved') {
          // Resolved before routing got to it: nothing to page or declare any more.
          await appendAlertEvents(tx, alert.id, [{ kind: 'routed', detail: { outcome: 'resolved before routing' } }], now);
          alert = { ...alert, routedAt: now.toISOString() };
          routedStatus = 'resolved';
          did.push('resolved-before-routing');
        } else {
          const routed = await routeOpenedAlert(tx, deps, alert, now);
          alert = routed.alert;
          routedStatus = 'firing';
          did.push(routed.outcome);
        }
      }
      const followed = await followAlertStatus(tx, deps, alert, routedStatus, now);
      if (followed !== 'unchanged') did.push(followed);
      await recordRouting(tx, alert, alert.status);
      return did;
    });
    for (const outcome of done) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  return outcomes;
}
