import type { AlertEvent } from '../alerts/alert.js';
import type { AlertRoute } from '../alerts/routing.js';
import type { BurnReport } from './burn-rate.js';
import type { SloDefinition } from './definition.js';

export type RaisedBurnState = 'ok' | 'ticket' | 'page';
export const SLO_BURN_INTEGRATION = 'slo-burn';

/** What the SLO's burn state should be as an alert: no data keeps what was raised (silence is not recovery). */
export function nextBurnState(report: BurnReport, raised: RaisedBurnState): RaisedBurnState {
  return report.state === 'no_data' ? raised : report.state;
}

/**
 * The alert events moving an SLO from `raised` to `next`: trigger on ok → page/ticket,
 * resolve on the way back, and resolve-then-trigger between page and ticket so the open
 * alert's labels and severity are the current ones.
 */
export function burnAlertEvents(slo: SloDefinition, report: BurnReport, raised: RaisedBurnState, next: RaisedBurnState, at: string): AlertEvent[] {
  if (raised === next) return [];
  const events: AlertEvent[] = [];
  if (raised !== 'ok') events.push(burnResolvedEvent(slo, raised, at));
  if (next !== 'ok') events.push(burnEvent(slo, report, next, at));
  return events;
}

/** Resolves the SLO's open burn alert (the burn stopped, or the SLO is gone). */
export function burnResolvedEvent(slo: Pick<SloDefinition, 'id' | 'name' | 'service'>, raised: 'ticket' | 'page', at: string): AlertEvent {
  return {
    dedupKey: `slo:${slo.id}`,
    action: 'resolve',
    occurredAt: at,
    title: `${slo.name}: error budget burn back within bounds`,
    summary: '',
    severity: raised === 'page' ? 'critical' : 'warning',
    sourceSeverity: raised,
    labels: burnLabels(slo, raised),
    annotations: {},
    groupKey: null,
    links: [],
    payload: { slo: slo.id, state: 'ok' },
  };
}

/** The route paging the SLO's service on a page-level burn (ticket-level burns attach by the service label). */
export function burnPageRoute(service: string): AlertRoute {
  return {
    when: { all: [{ field: 'alert.labels.slo_burn', op: 'eq', value: 'page' }, { field: 'alert.labels.service', op: 'eq', value: service }] },
    service,
    action: 'page',
  };
}

function burnLabels(slo: Pick<SloDefinition, 'id' | 'service'>, state: 'ticket' | 'page'): Record<string, string> {
  return { slo: slo.id, service: slo.service, slo_burn: state, severity: state === 'page' ? 'critical' : 'warning' };
}

function burnEvent(slo: SloDefinition, report: BurnReport, state: 'ticket' | 'page', at: string): AlertEvent {
  const check = report.checks.find((c) => c.severity === state && c.firing) ?? report.checks.find((c) => c.severity === state)!;
  const rate = report.rates[check.long];
  const shown = rate === null ? '?' : formatRate(rate);
  return {
    dedupKey: `slo:${slo.id}`,
    action: 'trigger',
    occurredAt: at,
    title: `${slo.name}: burning the error budget at ${shown}×`,
    summary: `Burn rate ${shown}× over ${check.long} and ${formatRate(report.rates[check.short] ?? 0)}× over ${check.short}; the ${state} threshold is ${formatRate(check.threshold)}× (objective ${(slo.objective * 100).toFixed(3).replace(/\.?0+$/, '')} %).`,
    severity: state === 'page' ? 'critical' : 'warning',
    sourceSeverity: state,
    labels: burnLabels(slo, state),
    annotations: { long_window: check.long, short_window: check.short, threshold: String(check.threshold) },
    groupKey: null,
    links: [],
    payload: { slo: slo.id, state, rates: report.rates },
  };
}

function formatRate(rate: number): string {
  return rate >= 10 ? rate.toFixed(1) : rate.toFixed(2);
}
