import { describe, expect, it } from 'vitest';
import type { RouteDecision } from './routing.js';
import { planRouting, planStatusFollowUp, type RoutingContext } from './routing-plan.js';

const decision = (action: 'page' | 'declare' | 'attach'): RouteDecision => ({ service: 'checkout', action, rule: 0, route: { service: 'checkout', action } });
const service = { id: 'svc', name: 'checkout', escalationPolicyId: 'pol' as string | null };
const context = (over: Partial<RoutingContext> = {}): RoutingContext => ({ service, openIncidentId: null, openPageId: null, ...over });

describe('planRouting', () => {
  it.each<[string, RouteDecision | undefined, RoutingContext, unknown]>([
    ['no decision: unrouted', undefined, context(), { kind: 'unrouted', reason: 'no-route' }],
    ['a route naming a missing service: unrouted, named', decision('page'), context({ service: undefined }), { kind: 'unrouted', reason: 'unknown-service', service: 'checkout' }],
    ['page: triggers the service policy', decision('page'), context(), { kind: 'routed', serviceId: 'svc', page: { kind: 'trigger', escalationPolicyId: 'pol' }, incident: { kind: 'none' } }],
    ['page while a page from alerts is open: joins it, pages nobody again', decision('page'), context({ openPageId: 'p1' }), { kind: 'routed', page: { kind: 'attach', pageId: 'p1' } }],
    ['page for a service without a policy: says so', decision('page'), context({ service: { ...service, escalationPolicyId: null } }), { kind: 'routed', page: { kind: 'no-policy' } }],
    ['page with an open incident: also on the incident', decision('page'), context({ openIncidentId: 'i1' }), { kind: 'routed', incident: { kind: 'attach', incidentId: 'i1' } }],
    ['declare with nothing open: declares', decision('declare'), context(), { kind: 'routed', incident: { kind: 'declare' }, page: { kind: 'none' } }],
    ['declare with an open incident (a burst): attaches instead of a second incident', decision('declare'), context({ openIncidentId: 'i1' }), { kind: 'routed', incident: { kind: 'attach', incidentId: 'i1' } }],
    ['attach with an open incident', decision('attach'), context({ openIncidentId: 'i1' }), { kind: 'routed', incident: { kind: 'attach', incidentId: 'i1' }, page: { kind: 'none' } }],
    ['attach with nothing open: stored on the service', decision('attach'), context(), { kind: 'routed', serviceId: 'svc', incident: { kind: 'none' }, page: { kind: 'none' } }],
  ])('%s', (_name, given, ctx, expected) => {
    expect(planRouting(given, ctx)).toMatchObject(expected as object);
  });
});

describe('planStatusFollowUp', () => {
  const on = { pageId: 'p1', incidentId: 'i1' };
  it.each<[string, Parameters<typeof planStatusFollowUp>, unknown]>([
    ['already carried out: nothing', [{ status: 'resolved', ...on }, 'resolved', { openOnPage: 0, openOnIncident: 0 }], { kind: 'none' }],
    ['acknowledged: page and incident told', [{ status: 'acknowledged', ...on }, 'firing', { openOnPage: 3, openOnIncident: 3 }], { kind: 'acknowledged', acknowledgePage: true, incident: true }],
    ['resolved with other alerts open on the page: the page stays', [{ status: 'resolved', ...on }, 'firing', { openOnPage: 1, openOnIncident: 1 }], { kind: 'resolved', resolvePage: false, incident: true, allIncidentAlertsResolved: false }],
    ['the last alert resolved: page resolved, incident told all are', [{ status: 'resolved', ...on }, 'acknowledged', { openOnPage: 0, openOnIncident: 0 }], { kind: 'resolved', resolvePage: true, allIncidentAlertsResolved: true }],
    ['resolved, never on a page or incident', [{ status: 'resolved', pageId: null, incidentId: null }, 'firing', { openOnPage: 0, openOnIncident: 0 }], { kind: 'resolved', resolvePage: false, incident: false, allIncidentAlertsResolved: false }],
    ['firing again after an acknowledgement: nothing to carry', [{ status: 'firing', ...on }, 'acknowledged', { openOnPage: 0, openOnIncident: 0 }], { kind: 'none' }],
  ])('%s', (_name, args, expected) => {
    expect(planStatusFollowUp(...args)).toMatchObject(expected as object);
  });
});
