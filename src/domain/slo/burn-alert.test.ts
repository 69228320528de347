import { describe, expect, it } from 'vitest';
import { alertFacts, alertRouteCatalog } from '../alerts/alert-facts.js';
import { readRoutes, routeAlert } from '../alerts/routing.js';
import { burnAlertEvents, burnPageRoute, nextBurnState } from './burn-alert.js';
import type { BurnReport } from './burn-rate.js';
import type { SloDefinition } from './definition.js';

const slo: SloDefinition = {
  id: 'checkout-availability',
  service: 'checkout',
  name: 'Checkout availability',
  description: '',
  objective: 0.999,
  window: { kind: 'rolling', days: 30 },
  budgeting: { kind: 'occurrences' },
  indicator: { type: 'ratio' },
  source: { kind: 'push' },
};
const report = (state: BurnReport['state']): BurnReport => ({
  state,
  rates: { '5m': 20, '30m': 7, '1h': 15.24, '6h': 6.5, '3d': 1.2 },
  checks: [
    { severity: 'page', long: '1h', short: '5m', threshold: 14.4, firing: state === 'page' },
    { severity: 'page', long: '6h', short: '30m', threshold: 6, firing: false },
    { severity: 'ticket', long: '3d', short: '6h', threshold: 1, firing: state !== 'ok' && state !== 'no_data' },
  ],
});
const AT = '2026-11-20T09:01:15.000Z';

describe('burn alerts', () => {
  it.each([
    { name: 'ok → page triggers a critical alert', raised: 'ok', state: 'page', actions: [['trigger', 'page', 'critical']] },
    { name: 'ok → ticket triggers a warning', raised: 'ok', state: 'ticket', actions: [['trigger', 'ticket', 'warning']] },
    { name: 'page → ok resolves', raised: 'page', state: 'ok', actions: [['resolve', 'page', 'critical']] },
    { name: 'page → ticket resolves, then triggers the ticket (labels stay true)', raised: 'page', state: 'ticket', actions: [['resolve', 'page', 'critical'], ['trigger', 'ticket', 'warning']] },
    { name: 'page → page sends nothing', raised: 'page', state: 'page', actions: [] },
    { name: 'no data keeps the raised page (silence is not recovery)', raised: 'page', state: 'no_data', actions: [] },
    { name: 'no data from ok stays ok', raised: 'ok', state: 'no_data', actions: [] },
  ] as const)('$name', ({ raised, state, actions }) => {
    const next = nextBurnState(report(state), raised);
    const events = burnAlertEvents(slo, report(state), raised, next, AT);
    expect(events.map((e) => [e.action, e.labels.slo_burn, e.severity])).toEqual(actions);
    for (const event of events) expect(event).toMatchObject({ dedupKey: 'slo:checkout-availability', labels: { slo: 'checkout-availability', service: 'checkout' } });
  });

  it('the page title names the long window\'s rate', () => {
    const [event] = burnAlertEvents(slo, report('page'), 'ok', 'page', AT);
    expect(event!.title).toBe('Checkout availability: burning the error budget at 15.2×');
    expect(event!.summary).toBe('Burn rate 15.2× over 1h and 20.0× over 5m; the page threshold is 14.4× (objective 99.9 %).');
  });

  it('the page route is a valid route that pages its service on page-level burns only', () => {
    const { routes, problems } = readRoutes([burnPageRoute('checkout')], alertRouteCatalog);
    expect(problems).toEqual([]);
    const facts = (labels: Record<string, string>) => alertFacts({ title: 't', severity: 'critical', labels, annotations: {}, source: 'generic' });
    expect(routeAlert(routes!, facts({ service: 'checkout', slo_burn: 'page' }), 'checkout')).toMatchObject({ service: 'checkout', action: 'page', rule: 0 });
    expect(routeAlert(routes!, facts({ service: 'checkout', slo_burn: 'ticket' }), 'checkout')).toMatchObject({ service: 'checkout', action: 'attach', rule: null });
    expect(routeAlert(routes!, facts({ service: 'search', slo_burn: 'page' }), 'search')).toMatchObject({ service: 'search', action: 'attach', rule: null });
  });
});
