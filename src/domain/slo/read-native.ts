import { IANAZone } from 'luxon';
import type { YamlPath } from '../yaml/located-yaml.js';
import type { SliSource, SloDefinition } from './definition.js';
import { ProblemList, SLO_ID, isRecord, objectiveFromPercent, own, parseDurationMs, text } from './read-helpers.js';
import type { Budgeting, SloWindow } from './types.js';

export const ROLLING_DAYS = [7, 28, 30] as const;
const KEYS = ['apiVersion', 'id', 'service', 'name', 'description', 'objective', 'window', 'timeZone', 'budgeting', 'sliceTarget', 'sli'];

/**
 * Hikeshi's own SLO document:
 * ```yaml
 * id: checkout-availability
 * service: checkout
 * objective: 99.9          # percent, strictly between 0 and 100
 * window: 28d              # 7d | 28d | 30d | week | month
 * timeZone: Asia/Tokyo     # calendar windows
 * budgeting: occurrences   # or timeslices (with sliceTarget, percent)
 * sli:
 *   type: ratio            # or latency, with threshold: 300ms
 *   prometheus: { good: …, total: … }   # or { bad, total }, { errorRatio }, or push: true, or estimate: incidents
 * ```
 */
export function readNativeSlo(raw: unknown, problems: ProblemList): SloDefinition | undefined {
  if (!isRecord(raw)) return problems.add([], 'must be a mapping of SLO fields');
  for (const key of Object.keys(raw)) if (!KEYS.includes(key)) problems.add([key], `is not an SLO field (expected one of ${KEYS.slice(1).join(', ')})`);
  const id = text(raw, 'id', [], problems, { required: true });
  if (id !== undefined && !SLO_ID.test(id)) problems.add(['id'], 'must be lowercase letters, digits and dashes (at most 63), like checkout-availability');
  const service = text(raw, 'service', [], problems, { required: true });
  const name = text(raw, 'name', [], problems, { max: 200 }) ?? id;
  const description = text(raw, 'description', [], problems, { max: 1050 }) ?? '';
  const objective = own(raw, 'objective') === undefined ? problems.add(['objective'], 'is required (a percentage such as 99.9)') : objectiveFromPercent(own(raw, 'objective'), ['objective'], problems);
  const window = readWindow(raw, problems);
  const budgeting = readBudgeting(raw, objective, problems);
  const sli = readSli(own(raw, 'sli'), ['sli'], problems);
  if (problems.items.length || !id || !service || !name || objective === undefined || !window || !budgeting || !sli) return undefined;
  return { id, service, name, description, objective, window, budgeting, indicator: sli.indicator, source: sli.source };
}

function readWindow(raw: Record<string, unknown>, problems: ProblemList): SloWindow | undefined {
  const value = own(raw, 'window');
  const zone = own(raw, 'timeZone');
  if (zone !== undefined && (typeof zone !== 'string' || !IANAZone.isValidZone(zone))) return problems.add(['timeZone'], `is not an IANA time zone (got ${JSON.stringify(zone)})`);
  if (value === 'week' || value === 'month') return { kind: 'calendar', unit: value, timeZone: (zone as string | undefined) ?? 'UTC' };
  const days = typeof value === 'string' ? /^(\d+)d$/.exec(value)?.[1] : undefined;
  if (days && (ROLLING_DAYS as readonly number[]).includes(Number(days))) return { kind: 'rolling', days: Number(days) };
  return problems.add(['window'], `must be 7d, 28d or 30d (rolling) or week or month (calendar) (got ${JSON.stringify(value)})`);
}

function readBudgeting(raw: Record<string, unknown>, objective: number | undefined, problems: ProblemList): Budgeting | undefined {
  const value = own(raw, 'budgeting') ?? 'occurrences';
  const slice = own(raw, 'sliceTarget');
  if (value === 'occurrences') {
    if (slice !== undefined) return problems.add(['sliceTarget'], 'applies to timeslices budgeting only');
    return { kind: 'occurrences' };
  }
  if (value !== 'timeslices') return problems.add(['budgeting'], `must be occurrences or timeslices (got ${JSON.stringify(value)})`);
  const sliceTarget = slice === undefined ? objective : objectiveFromPercent(slice, ['sliceTarget'], problems);
  return sliceTarget === undefined ? undefined : { kind: 'timeslices', sliceTarget };
}

function readSli(raw: unknown, at: YamlPath, problems: ProblemList): Pick<SloDefinition, 'indicator' | 'source'> | undefined {
  if (!isRecord(raw)) return problems.add(at, 'is required: {type: ratio | latency, and prometheus: {…}, push: true or estimate: incidents}');
  const type = own(raw, 'type') ?? 'ratio';
  let indicator: SloDefinition['indicator'] | undefined;
  if (type === 'ratio') indicator = { type: 'ratio' };
  else if (type === 'latency') {
    const thresholdMs = parseDurationMs(own(raw, 'threshold'));
    indicator = thresholdMs === undefined ? problems.add([...at, 'threshold'], 'is required for a latency SLI, like 300ms or 1.5s') : { type: 'latency', thresholdMs };
  } else return problems.add([...at, 'type'], `must be ratio or latency (got ${JSON.stringify(type)})`);
  const sources = (['prometheus', 'push', 'estimate'] as const).filter((key) => own(raw, key) !== undefined);
  if (sources.length !== 1) return problems.add(at, `needs exactly one data source: prometheus, push or estimate (got ${sources.length ? sources.join(' and ') : 'none'})`);
  const source = readSource(sources[0]!, own(raw, sources[0]!), [...at, sources[0]!], problems);
  return indicator && source ? { indicator, source } : undefined;
}

function readSource(key: 'prometheus' | 'push' | 'estimate', value: unknown, at: YamlPath, problems: ProblemList): SliSource | undefined {
  if (key === 'push') return value === true ? { kind: 'push' } : problems.add(at, 'must be true (buckets are pushed to POST /api/v1/slos/{id}/events)');
  if (key === 'estimate') return value === 'incidents' ? { kind: 'incidents' } : problems.add(at, 'must be incidents (availability estimated from impact windows)');
  if (!isRecord(value)) return problems.add(at, 'must be {good, total}, {bad, total} or {errorRatio} PromQL queries');
  const query = (name: string) => text(value, name, at, problems, { max: 4_000 });
  if (own(value, 'errorRatio') !== undefined) {
    const errorRatio = query('errorRatio');
    return errorRatio === undefined ? undefined : { kind: 'prometheus-ratio', errorRatio };
  }
  const good = query('good');
  const bad = query('bad');
  const total = text(value, 'total', at, problems, { required: true, max: 4_000 });
  if ((good === undefined) === (bad === undefined)) return problems.add(at, 'needs exactly one of good and bad beside total');
  return total === undefined ? undefined : { kind: 'prometheus', total, ...(good ? { good } : { bad: bad! }) };
}
