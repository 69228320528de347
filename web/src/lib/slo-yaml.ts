import { stringify } from 'yaml';
import type { SloDefinition } from '../../../src/domain/slo/definition.js';

/** A fraction as the percentage a document writes (0.999 → 99.9), without float noise. */
export function percent(fraction: number): number {
  return Number((fraction * 100).toFixed(6));
}

/** The SLO as Hikeshi's own YAML document (docs/slos.md), whatever format it was imported from. */
export function sloYaml(slo: Pick<SloDefinition, 'id' | 'service' | 'name' | 'description' | 'objective' | 'window' | 'budgeting' | 'indicator' | 'source'>): string {
  const document: Record<string, unknown> = { id: slo.id, service: slo.service, name: slo.name };
  if (slo.description) document.description = slo.description;
  document.objective = percent(slo.objective);
  if (slo.window.kind === 'rolling') document.window = `${slo.window.days}d`;
  else Object.assign(document, { window: slo.window.unit, timeZone: slo.window.timeZone });
  document.budgeting = slo.budgeting.kind;
  if (slo.budgeting.kind === 'timeslices') document.sliceTarget = percent(slo.budgeting.sliceTarget);
  const sli: Record<string, unknown> = slo.indicator.type === 'latency' ? { type: 'latency', threshold: `${slo.indicator.thresholdMs}ms` } : { type: 'ratio' };
  const source = slo.source;
  if (source.kind === 'push') sli.push = true;
  else if (source.kind === 'incidents') sli.estimate = 'incidents';
  else if (source.kind === 'prometheus-ratio') sli.prometheus = { errorRatio: source.errorRatio };
  else sli.prometheus = { ...(source.good === undefined ? {} : { good: source.good }), ...(source.bad === undefined ? {} : { bad: source.bad }), total: source.total };
  document.sli = sli;
  return stringify(document, { lineWidth: 0 });
}
