import type { Transaction } from 'kysely';
import type { Alert, AlertStatus } from '../../domain/alerts/alert.js';
import { planStatusFollowUp } from '../../domain/alerts/routing-plan.js';
import type { TimelineDraft } from '../../domain/incidents/timeline.js';
import { countAlertsOnIncident, countOpenAlertsOn } from '../../store/repositories/alert-routing.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Database } from '../../store/schema.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { changePageStatusInTx } from '../paging/change-page-status.js';
import { findPageByRef } from '../paging/read-pages.js';
import { reevaluateSeverityInTx } from '../severity/reevaluate-in-tx.js';
import { enqueueChangeJobs } from '../slack/enqueue-slack-jobs.js';
import { alertActor, alertEntry, alertPrincipal, appendAlertEvents } from './alert-records.js';

export type StatusOutcome = 'acknowledged' | 'resolved' | 'unchanged';

/**
 * Carries an alert's acknowledgement or resolution to what routing made of it, once per
 * status (`routedStatus` says which status was carried out last): its page is acknowledged,
 * or resolved once every alert on it is; its incident's timeline is told, with an "all
 * alerts resolved" entry after the last one — an incident is never resolved by its alerts.
 */
export async function followAlertStatus(
  tx: Transaction<Database>,
  deps: Deps,
  alert: Alert,
  routedStatus: AlertStatus | null,
  now: Date,
): Promise<StatusOutcome> {
  const resolving = alert.status === 'resolved' && routedStatus !== 'resolved';
  const plan = planStatusFollowUp(alert, routedStatus, {
    openOnPage: resolving && alert.pageId ? await countOpenAlertsOn(tx, { pageId: alert.pageId }, alert.id) : 0,
    openOnIncident: resolving && alert.incidentId ? await countOpenAlertsOn(tx, { incidentId: alert.incidentId }, alert.id) : 0,
  });
  if (plan.kind === 'none') return 'unchanged';
  const principal = alertPrincipal(alert);
  if (alert.pageId && (plan.kind === 'acknowledged' ? plan.acknowledgePage : plan.resolvePage)) {
    // A page someone already moved (or resolved) is left as it is.
    const page = await findPageByRef(tx, alert.pageId);
    if (page.status !== plan.kind && page.status !== 'resolved') {
      await changePageStatusInTx(tx, deps, principal, page.id, plan.kind, 'alert', now);
      await appendAlertEvents(tx, alert.id, [{ kind: `page_${plan.kind}`, detail: { pageId: page.id, pageNumber: page.number } }], now);
    }
  }
  if (alert.incidentId && plan.incident) {
    const incident = await findIncidentForUpdate(tx, alert.incidentId);
    const entries: TimelineDraft[] =
      plan.kind === 'acknowledged'
        ? [{ kind: 'alert.acknowledged', payload: alertEntry(alert) }]
        : [
            { kind: 'alert.resolved', payload: { ...alertEntry(alert), occurrences: alert.occurrences } },
            ...(plan.allIncidentAlertsResolved ? [{ kind: 'alert.all_resolved' as const, payload: { alerts: await countAlertsOnIncident(tx, incident.id) } }] : []),
          ];
    await enqueueChangeJobs(tx, deps, incident, await appendEvents(tx, incident.id, entries, alertActor(alert), now));
    if (plan.kind === 'resolved') await reevaluateSeverityInTx(tx, deps, incident, { kind: 'alert', alertId: alert.id }, now);
  }
  return plan.kind;
}
