import type { Condition, Facts, FieldCatalog, Problem } from '../conditions/types.js';
import { evaluateCondition, readCondition } from '../conditions/condition.js';

/** What an opened alert does once routed. */
export const ALERT_ACTIONS = ['page', 'declare', 'attach'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/** Alert severities, worst first: `sev_gte`/`sev_lte` in a route's `when` compare along this list. */
export const ALERT_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** One routing rule of an integration (`integrations.routes`); the first matching rule wins. */
export interface AlertRoute {
  /** Absent: matches every alert. */
  when?: Condition;
  /** A service's name. */
  service: string;
  action: AlertAction;
}

/** Where a route (or the fallback) sends an alert; `rule` is the index of the matching rule. */
export type RouteDecision =
  | { service: string; action: AlertAction; rule: number; route: AlertRoute }
  | { service: string; action: 'attach'; rule: null; reason: 'service-label' };

const ROUTE_KEYS = new Set(['when', 'service', 'action']);

/**
 * Reads an integration's `routes` (JSON from the API or a file). Every problem is named by
 * its path (`routes[1].when.all[0].field`); routes are returned only when there is none.
 */
export function readRoutes(raw: unknown, catalog: FieldCatalog): { routes?: AlertRoute[]; problems: Problem[] } {
  if (!Array.isArray(raw)) return { problems: [{ path: 'routes', message: 'must be a list of routes' }] };
  const problems: Problem[] = [];
  const routes: AlertRoute[] = [];
  raw.forEach((item: unknown, index) => {
    const path = `routes[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ path, message: 'must be a map with service and action' });
      return;
    }
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!ROUTE_KEYS.has(key)) problems.push({ path: `${path}.${key}`, message: `unknown key (expected when, service, action)` });
    }
    const service = record.service;
    if (typeof service !== 'string' || service.trim() === '') {
      problems.push({ path: `${path}.service`, message: 'must name a service' });
    }
    const action = record.action;
    if (!ALERT_ACTIONS.includes(action as AlertAction)) {
      problems.push({ path: `${path}.action`, message: `must be one of ${ALERT_ACTIONS.join(', ')}` });
    }
    let when: Condition | undefined;
    if (Object.hasOwn(record, 'when') && record.when !== undefined) {
      const read = readCondition(record.when, catalog, `${path}.when`, ALERT_SEVERITIES);
      problems.push(...read.problems);
      when = read.condition;
    }
    if (typeof service === 'string' && service.trim() !== '' && ALERT_ACTIONS.includes(action as AlertAction)) {
      routes.push({ ...(when ? { when } : {}), service: service.trim(), action: action as AlertAction });
    }
  });
  return problems.length > 0 ? { problems } : { routes, problems };
}

/**
 * The first route whose `when` matches the alert's facts; without one, an alert whose
 * `service` label names a service is attached to that service's open incident.
 */
export function routeAlert(routes: readonly AlertRoute[], facts: Facts, serviceLabel: string | undefined): RouteDecision | undefined {
  for (const [index, route] of routes.entries()) {
    if (!route.when || evaluateCondition(route.when, facts, ALERT_SEVERITIES).matched) {
      return { service: route.service, action: route.action, rule: index, route };
    }
  }
  const named = serviceLabel?.trim();
  return named ? { service: named, action: 'attach', rule: null, reason: 'service-label' } : undefined;
}
