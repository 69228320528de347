import type { Transaction } from 'kysely';
import type { Alert } from '../../domain/alerts/alert.js';
import { alertFacts } from '../../domain/alerts/alert-facts.js';
import { incidentTitleFor, pageDetailsFor, pageMessageFor } from '../../domain/alerts/alert-text.js';
import { routeAlert, type RouteDecision } from '../../domain/alerts/routing.js';
import { planRouting, type IncidentStep, type PageStep } from '../../domain/alerts/routing-plan.js';
import type { Incident } from '../../domain/incidents/incident.js';
import {
  findOpenAlertPageOfService,
  findOpenIncidentOfService,
  lockServiceForRouting,
  type RoutedService,
} from '../../store/repositories/alert-routing.js';
import { findIntegration } from '../../store/repositories/integrations.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Database } from '../../store/schema.js';
import type { Deps } from '../deps.js';
import { declareIncidentInTx } from '../incidents/declare-incident.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { findPageByRef } from '../paging/read-pages.js';
import { appendPageEvent } from '../paging/record-level.js';
import { triggerPageInTx } from '../paging/trigger-page.js';
import { reevaluateSeverityInTx } from '../severity/reevaluate-in-tx.js';
import { enqueueChangeJobs } from '../slack/enqueue-slack-jobs.js';
import { severityForNewIncident } from '../severity/severity-for-alert.js';
import { alertActor, alertEntry, alertPrincipal, appendAlertEvents } from './alert-records.js';

export type OpenedOutcome = 'unrouted' | 'paged' | 'page-attached' | 'declared' | 'attached' | 'stored';

/**
 * Routes a newly opened alert, in the caller's transaction, with the alert claimed: the
 * integration's first matching route (or the alert's `service` label) names a service;
 * that service's row is locked, so alerts for one service are routed one at a time and a
 * burst finds the incident or page the first one made. Returns the alert as routed.
 */
export async function routeOpenedAlert(tx: Transaction<Database>, deps: Deps, alert: Alert, now: Date): Promise<{ alert: Alert; outcome: OpenedOutcome }> {
  const integration = alert.integrationId ? await findIntegration(tx, alert.integrationId) : undefined;
  const decision = routeAlert(integration?.routes ?? [], alertFacts(alert), alert.labels.service);
  const service = decision ? await lockServiceForRouting(tx, decision.service) : undefined;
  const plan = planRouting(decision, {
    service,
    openIncidentId: service ? ((await findOpenIncidentOfService(tx, service.id)) ?? null) : null,
    openPageId: service && decision?.action === 'page' ? ((await findOpenAlertPageOfService(tx, service.id)) ?? null) : null,
  });
  const routedAt = now.toISOString();
  if (plan.kind === 'unrouted' || !decision || !service) {
    const reason = plan.kind === 'unrouted' && plan.reason === 'unknown-service' ? `no service named "${plan.service}"` : 'no route matched and no service label';
    await appendAlertEvents(tx, alert.id, [{ kind: 'routed', detail: { outcome: 'unrouted', reason } }], now);
    return { alert: { ...alert, routedAt }, outcome: 'unrouted' };
  }
  await appendAlertEvents(tx, alert.id, [{ kind: 'routed', detail: routedDetail(decision, service) }], now);
  const routed: Alert = { ...alert, serviceId: service.id, routedAt };
  const paged = await carryOutPage(tx, deps, routed, plan.page, plan.incident, now);
  const withPage: Alert = { ...routed, pageId: paged.page?.id ?? null };
  const incident = await carryOutIncident(tx, deps, withPage, plan.incident, { decision, service, page: paged.page }, now);
  const outcome: OpenedOutcome = paged.outcome ?? (plan.incident.kind === 'declare' ? 'declared' : plan.incident.kind === 'attach' ? 'attached' : 'stored');
  return { alert: { ...withPage, incidentId: incident?.id ?? null }, outcome };
}

function routedDetail(decision: RouteDecision, service: RoutedService): Record<string, unknown> {
  return {
    service: service.name,
    serviceId: service.id,
    action: decision.action,
    rule: decision.rule,
    ...(decision.rule === null ? { via: 'service label' } : { route: decision.route }),
  };
}

async function carryOutPage(
  tx: Transaction<Database>,
  deps: Deps,
  alert: Alert,
  step: PageStep,
  incident: IncidentStep,
  now: Date,
): Promise<{ page?: { id: string; number: number }; outcome?: OpenedOutcome }> {
  switch (step.kind) {
    case 'trigger': {
      const { page } = await triggerPageInTx(
        tx,
        deps,
        alertPrincipal(alert),
        {
          message: pageMessageFor(alert),
          details: pageDetailsFor(alert),
          escalationPolicyId: step.escalationPolicyId,
          ...(incident.kind === 'attach' ? { incidentId: incident.incidentId } : {}),
          source: 'alert',
          requestKey: `alert:${alert.id}`,
        },
        now,
      );
      await appendAlertEvents(tx, alert.id, [{ kind: 'paged', detail: { pageId: page.id, pageNumber: page.number, escalationPolicyId: step.escalationPolicyId } }], now);
      return { page, outcome: 'paged' };
    }
    case 'attach': {
      const page = await findPageByRef(tx, step.pageId);
      await appendPageEvent(tx, page, { kind: 'alert_attached', level: page.level, cycle: page.cycle, actor: alertActor(alert), text: `Alert #${alert.number} joined this page: ${pageMessageFor(alert)}` }, now);
      await appendAlertEvents(tx, alert.id, [{ kind: 'attached', detail: { pageId: page.id, pageNumber: page.number } }], now);
      return { page, outcome: 'page-attached' };
    }
    case 'no-policy':
      await appendAlertEvents(tx, alert.id, [{ kind: 'not_paged', detail: { reason: 'the service has no escalation policy' } }], now);
      return {};
    case 'none':
      return {};
  }
}

async function carryOutIncident(
  tx: Transaction<Database>,
  deps: Deps,
  alert: Alert,
  step: IncidentStep,
  routing: { decision: RouteDecision; service: RoutedService; page?: { id: string; number: number } },
  now: Date,
): Promise<Incident | undefined> {
  const { decision, service, page } = routing;
  const actor = alertActor(alert);
  if (step.kind === 'declare') {
    const { severity, matches } = await severityForNewIncident(tx, deps, {
      alert: { title: alert.title, severity: alert.severity, labels: alert.labels, annotations: alert.annotations, source: alert.source },
      service: { name: service.name, tier: service.tier },
    });
    const incident = await declareIncidentInTx(
      tx,
      deps,
      { title: incidentTitleFor(alert), summary: alert.summary, severity, services: [service.id], detectedAt: alert.firstSeenAt },
      alertPrincipal(alert),
      now,
    );
    await appendEvents(
      tx,
      incident.id,
      [
        {
          kind: 'alert.declared',
          payload: {
            ...alertEntry(alert),
            rule: decision.rule,
            route: decision.rule === null ? null : decision.route,
            severity,
            severityRules: matches.map((m) => ({ ruleId: m.ruleId, severity: m.severity, reason: m.reason })),
          },
        },
      ],
      actor,
      now,
    );
    await appendAlertEvents(tx, alert.id, [{ kind: 'declared', detail: { incidentId: incident.id, incidentNumber: incident.number, severity, severityRules: matches.map((m) => m.ruleId) } }], now);
    return incident;
  }
  if (step.kind === 'attach') {
    const incident = await findIncidentForUpdate(tx, step.incidentId);
    const events = await appendEvents(
      tx,
      incident.id,
      [{ kind: 'alert.attached', payload: { ...alertEntry(alert), action: decision.action, rule: decision.rule, pageId: page?.id ?? null, pageNumber: page?.number ?? null } }],
      actor,
      now,
    );
    await enqueueChangeJobs(tx, deps, incident, events);
    await appendAlertEvents(tx, alert.id, [{ kind: 'attached', detail: { incidentId: incident.id, incidentNumber: incident.number } }], now);
    return reevaluateSeverityInTx(tx, deps, incident, { kind: 'alert', alertId: alert.id }, now);
  }
  return undefined;
}
