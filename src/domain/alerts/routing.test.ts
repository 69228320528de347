import { describe, expect, it } from 'vitest';
import { alertFacts, alertRouteCatalog } from './alert-facts.js';
import { readRoutes, routeAlert, type AlertRoute } from './routing.js';

const alert = (labels: Record<string, string>, severity = 'warning') =>
  alertFacts({ title: 'Disk full on db-1', severity, labels, annotations: {}, source: 'alertmanager' });

describe('readRoutes', () => {
  it.each<[string, unknown, { path: string; message: RegExp }[]]>([
    ['not a list', { service: 'x' }, [{ path: 'routes', message: /list/ }]],
    ['a route that is not a map', ['page'], [{ path: 'routes[0]', message: /map/ }]],
    ['no service', [{ action: 'page' }], [{ path: 'routes[0].service', message: /service/ }]],
    ['an unknown action', [{ service: 's', action: 'escalate' }], [{ path: 'routes[0].action', message: /page, declare, attach/ }]],
    ['an unknown key', [{ service: 's', action: 'page', team: 'x' }], [{ path: 'routes[0].team', message: /unknown key/ }]],
    ['an unknown field in when', [{ service: 's', action: 'page', when: { field: 'incident.severity', op: 'eq', value: 'SEV1' } }], [{ path: 'routes[0].when.field', message: /unknown field/ }]],
    ['an unknown alert severity', [{ service: 's', action: 'page', when: { field: 'alert.severity', op: 'sev_gte', value: 'major' } }], [{ path: 'routes[0].when.value', message: /critical, error, warning, info/ }]],
  ])('refuses %s, naming the place', (_name, raw, expected) => {
    const { routes, problems } = readRoutes(raw, alertRouteCatalog);
    expect(routes).toBeUndefined();
    expect(problems).toEqual(expected.map((p) => ({ path: p.path, message: expect.stringMatching(p.message) })));
  });

  it('reads routes with and without when, label keys with dots included', () => {
    const raw = [
      { when: { field: 'alert.labels["k8s.io/app"]', op: 'eq', value: 'checkout' }, service: ' checkout ', action: 'page' },
      { service: 'catch-all', action: 'attach' },
    ];
    expect(readRoutes(raw, alertRouteCatalog)).toEqual({
      routes: [
        { when: { field: 'alert.labels["k8s.io/app"]', op: 'eq', value: 'checkout' }, service: 'checkout', action: 'page' },
        { service: 'catch-all', action: 'attach' },
      ],
      problems: [],
    });
  });
});

describe('routeAlert', () => {
  const routes: AlertRoute[] = [
    { when: { field: 'alert.severity', op: 'sev_gte', value: 'error' }, service: 'checkout', action: 'page' },
    { when: { field: 'alert.labels.team', op: 'eq', value: 'payments' }, service: 'payments', action: 'declare' },
    { when: { field: 'alert.labels.team', op: 'eq', value: 'search' }, service: 'search', action: 'attach' },
  ];

  it.each<[string, ReturnType<typeof alert>, string | undefined, unknown]>([
    ['the first matching route wins (critical is at least error)', alert({ team: 'payments' }, 'critical'), undefined, { service: 'checkout', action: 'page', rule: 0 }],
    ['a later route when the earlier ones do not match', alert({ team: 'payments' }), undefined, { service: 'payments', action: 'declare', rule: 1 }],
    ['no route: the service label attaches', alert({ team: 'ops' }), 'billing', { service: 'billing', action: 'attach', rule: null, reason: 'service-label' }],
    ['no route and a blank service label: nowhere', alert({ team: 'ops' }), '  ', undefined],
    ['no route and no service label: nowhere', alert({}), undefined, undefined],
  ])('%s', (_name, facts, serviceLabel, expected) => {
    const decision = routeAlert(routes, facts, serviceLabel);
    if (expected === undefined) expect(decision).toBeUndefined();
    else expect(decision).toMatchObject(expected as object);
  });

  it('a route without when matches every alert', () => {
    expect(routeAlert([{ service: 'all', action: 'attach' }], alert({}), 'other')).toMatchObject({ service: 'all', rule: 0 });
  });

  it('a label named like a prototype property is not found through the prototype', () => {
    const route: AlertRoute = { when: { field: 'alert.labels.toString', op: 'exists' }, service: 'x', action: 'page' };
    expect(routeAlert([route], alert({}), undefined)).toBeUndefined();
  });
});
