import type { RouteDecision } from './routing.js';

/** What routing knows of the routed service, read with the service row locked. */
export interface RoutingContext {
  service: { id: string; name: string; escalationPolicyId: string | null } | undefined;
  /** The service's newest incident that is neither resolved nor closed. */
  openIncidentId: string | null;
  /** The service's newest page made from alerts that is still triggered or acknowledged. */
  openPageId: string | null;
}

export type IncidentStep = { kind: 'declare' } | { kind: 'attach'; incidentId: string } | { kind: 'none' };
export type PageStep = { kind: 'trigger'; escalationPolicyId: string } | { kind: 'attach'; pageId: string } | { kind: 'no-policy' } | { kind: 'none' };

export type RoutingPlan =
  | { kind: 'unrouted'; reason: 'no-route' }
  | { kind: 'unrouted'; reason: 'unknown-service'; service: string }
  | { kind: 'routed'; serviceId: string; incident: IncidentStep; page: PageStep };

/**
 * What an opened alert does, given where its route sends it and what is open for that
 * service. A service with an open incident collects its alerts there (a burst becomes one
 * incident); a service with an open page from alerts collects them on that page (paged once).
 */
export function planRouting(decision: RouteDecision | undefined, context: RoutingContext): RoutingPlan {
  if (!decision) return { kind: 'unrouted', reason: 'no-route' };
  const { service } = context;
  if (!service) return { kind: 'unrouted', reason: 'unknown-service', service: decision.service };
  const openIncident: IncidentStep = context.openIncidentId ? { kind: 'attach', incidentId: context.openIncidentId } : { kind: 'none' };
  switch (decision.action) {
    case 'page':
      return { kind: 'routed', serviceId: service.id, incident: openIncident, page: pageStep(context) };
    case 'declare':
      return { kind: 'routed', serviceId: service.id, incident: context.openIncidentId ? openIncident : { kind: 'declare' }, page: { kind: 'none' } };
    case 'attach':
      return { kind: 'routed', serviceId: service.id, incident: openIncident, page: { kind: 'none' } };
  }
}

function pageStep(context: RoutingContext): PageStep {
  if (context.openPageId) return { kind: 'attach', pageId: context.openPageId };
  const policy = context.service?.escalationPolicyId;
  return policy ? { kind: 'trigger', escalationPolicyId: policy } : { kind: 'no-policy' };
}

/** What an alert's acknowledgement or resolution does to the page and incident it is on. */
export type StatusFollowUp =
  | { kind: 'acknowledged'; acknowledgePage: boolean; incident: boolean }
  | { kind: 'resolved'; resolvePage: boolean; incident: boolean; allIncidentAlertsResolved: boolean }
  | { kind: 'none' };

/**
 * `openOnPage` / `openOnIncident`: how many other alerts on the same page / incident are
 * still open. A page is resolved once every alert on it is; an incident is only told.
 */
export function planStatusFollowUp(
  alert: { status: 'firing' | 'acknowledged' | 'resolved'; pageId: string | null; incidentId: string | null },
  routedStatus: 'firing' | 'acknowledged' | 'resolved' | null,
  others: { openOnPage: number; openOnIncident: number },
): StatusFollowUp {
  if (alert.status === routedStatus) return { kind: 'none' };
  if (alert.status === 'acknowledged') {
    return { kind: 'acknowledged', acknowledgePage: alert.pageId !== null, incident: alert.incidentId !== null };
  }
  if (alert.status === 'resolved') {
    return {
      kind: 'resolved',
      resolvePage: alert.pageId !== null && others.openOnPage === 0,
      incident: alert.incidentId !== null,
      allIncidentAlertsResolved: alert.incidentId !== null && others.openOnIncident === 0,
    };
  }
  return { kind: 'none' };
}
