import { ConflictError } from '../../errors.js';
import { enqueue } from '../../jobs/queue.js';
import { getAlertForUpdate, updateAlert } from '../../store/repositories/alerts.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { appendAlertEvents } from './alert-records.js';
import { findAlertByRef, readAlertView, type AlertView } from './read-alerts.js';

/**
 * A person acknowledges or resolves an alert (web, API, CLI). The alert changes in one
 * transaction with its timeline entry; what follows (its page acknowledged or resolved, its
 * incident told) is the same `alerts.routeAlerts` job a monitor's acknowledgement or
 * resolution runs. Doing it again answers the alert unchanged; a resolved alert cannot be
 * acknowledged (409).
 */
export async function changeAlertStatus(deps: Deps, principal: Principal, ref: string, to: 'acknowledged' | 'resolved'): Promise<AlertView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const alert = await getAlertForUpdate(tx, (await findAlertByRef(tx, ref)).id);
    if (alert.status === to) return readAlertView(tx, alert.id);
    if (alert.status === 'resolved') throw new ConflictError('The alert is already resolved; it cannot be acknowledged.', 'alert.resolved');
    const now = deps.clock.now();
    const at = now.toISOString();
    await updateAlert(tx, {
      ...alert,
      status: to,
      ...(to === 'acknowledged' ? { acknowledgedAt: at } : { resolvedAt: at }),
      updatedAt: at,
    });
    await appendAlertEvents(tx, alert.id, [{ kind: to, actor: principal.actor }], now);
    await enqueue(tx, 'alerts.routeAlerts', { alertIds: [alert.id] }, { key: `alert-${to}:${alert.id}` }, now);
    return readAlertView(tx, alert.id);
  });
}

export const acknowledgeAlert = (deps: Deps, principal: Principal, ref: string) => changeAlertStatus(deps, principal, ref, 'acknowledged');
export const resolveAlert = (deps: Deps, principal: Principal, ref: string) => changeAlertStatus(deps, principal, ref, 'resolved');
