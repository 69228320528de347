import { IANAZone } from 'luxon';
import type { YamlPath } from '../yaml/located-yaml.js';
import type { SliSource, SloDefinition } from './definition.js';
import { ProblemList, SLO_ID, fromPercent, isRecord, own, text, type DocumentProblem } from './read-helpers.js';
import type { Budgeting, SloWindow } from './types.js';

/** Kinds an OpenSLO file may carry beside SLO and SLI; Hikeshi's own burn-rate alerts replace the alerting kinds. */
const SKIPPED_KINDS = ['Service', 'DataSource', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget'];
interface Indicator {
  spec: unknown;
  document: number;
}

const ROLLING: Record<string, number> = { '7d': 7, '1w': 7, '28d': 28, '4w': 28, '30d': 30 };

/**
 * Maps OpenSLO v1 `kind: SLO` documents (with their `kind: SLI` documents for indicatorRef)
 * onto Hikeshi SLOs. What has no faithful mapping is refused, naming the field:
 * thresholdMetric, RatioTimeslices, slices other than one minute, several objectives,
 * rolling windows other than 7, 28 or 30 days, and metric sources other than Prometheus.
 */
export function readOpenSlo(documents: readonly unknown[]): { slos: SloDefinition[]; problems: DocumentProblem[] } {
  const indicators = new Map<string, Indicator>();
  documents.forEach((value, document) => {
    const metadata = isRecord(value) && own(value, 'kind') === 'SLI' ? own(value, 'metadata') : undefined;
    const name = isRecord(metadata) ? own(metadata, 'name') : undefined;
    if (typeof name === 'string') indicators.set(name, { spec: own(value as Record<string, unknown>, 'spec'), document });
  });
  const slos: SloDefinition[] = [];
  const problems: DocumentProblem[] = [];
  documents.forEach((value, document) => {
    const list = new ProblemList();
    const kind = isRecord(value) ? own(value, 'kind') : undefined;
    if (kind === 'SLI' || SKIPPED_KINDS.includes(String(kind))) return;
    if (kind !== 'SLO') list.add(['kind'], `must be SLO or SLI (got ${JSON.stringify(kind)})`);
    else if (own(value as Record<string, unknown>, 'apiVersion') !== 'openslo/v1') list.add(['apiVersion'], 'must be openslo/v1');
    else {
      const slo = readSloDocument(value as Record<string, unknown>, indicators, list);
      if (slo) slos.push(slo);
    }
    problems.push(...list.items.map((item) => ({ document, ...item })));
  });
  return { slos, problems };
}

function readSloDocument(doc: Record<string, unknown>, indicators: Map<string, Indicator>, problems: ProblemList): SloDefinition | undefined {
  const metadata = own(doc, 'metadata');
  const spec = own(doc, 'spec');
  if (!isRecord(metadata)) return problems.add(['metadata'], 'is required, with a name');
  if (!isRecord(spec)) return problems.add(['spec'], 'is required');
  const id = text(metadata, 'name', ['metadata'], problems, { required: true });
  if (id !== undefined && !SLO_ID.test(id)) problems.add(['metadata', 'name'], 'must be an RFC 1123 label: lowercase letters, digits and dashes, at most 63');
  const name = text(metadata, 'displayName', ['metadata'], problems, { max: 200 }) ?? id;
  const service = text(spec, 'service', ['spec'], problems, { required: true });
  const description = text(spec, 'description', ['spec'], problems, { max: 1050 }) ?? '';
  const window = readTimeWindow(own(spec, 'timeWindow'), problems);
  const objective = readObjective(own(spec, 'objectives'), problems);
  const budgeting = readBudgetingMethod(spec, objective, problems);
  const source = readIndicator(spec, indicators, problems);
  if (problems.items.length || !id || !name || !service || !window || !objective || !budgeting || !source) return undefined;
  return { id, service, name, description, objective: objective.target, window, budgeting, indicator: { type: 'ratio' }, source };
}

function readTimeWindow(raw: unknown, problems: ProblemList): SloWindow | undefined {
  const at = ['spec', 'timeWindow'];
  if (!Array.isArray(raw) || raw.length !== 1 || !isRecord(raw[0])) return problems.add(at, 'must be a list with exactly one window');
  const window = raw[0];
  const duration = own(window, 'duration');
  if (own(window, 'isRolling') === true) {
    const days = typeof duration === 'string' ? ROLLING[duration] : undefined;
    return days ? { kind: 'rolling', days } : problems.add([...at, 0, 'duration'], `a rolling window must be 7d, 28d (4w) or 30d (got ${JSON.stringify(duration)})`);
  }
  const unit = duration === '1w' ? 'week' : duration === '1M' ? 'month' : undefined;
  if (!unit) return problems.add([...at, 0, 'duration'], `a calendar window must be 1w or 1M (got ${JSON.stringify(duration)})`);
  const calendar = own(window, 'calendar');
  const zone = isRecord(calendar) ? own(calendar, 'timeZone') : undefined;
  if (zone !== undefined && (typeof zone !== 'string' || !IANAZone.isValidZone(zone))) return problems.add([...at, 0, 'calendar', 'timeZone'], `is not an IANA time zone (got ${JSON.stringify(zone)})`);
  return { kind: 'calendar', unit, timeZone: (zone as string | undefined) ?? 'UTC' };
}

function readObjective(raw: unknown, problems: ProblemList): { target: number; sliceTarget?: number; sliceWindow?: unknown } | undefined {
  const at = ['spec', 'objectives'];
  if (!Array.isArray(raw) || raw.length === 0) return problems.add(at, 'needs one objective');
  if (raw.length > 1) return problems.add([...at, 1], 'Hikeshi keeps one objective per SLO: split this one into several SLO documents');
  const objective = raw[0];
  if (!isRecord(objective)) return problems.add([...at, 0], 'must be a mapping');
  const fraction = own(objective, 'target');
  const percent = own(objective, 'targetPercent');
  const target = fraction !== undefined ? fraction : typeof percent === 'number' ? fromPercent(percent) : percent;
  const field = fraction !== undefined ? 'target' : 'targetPercent';
  if (typeof target !== 'number' || !Number.isFinite(target)) return problems.add([...at, 0, field], 'is required: target (0 to 1) or targetPercent (0 to 100)');
  if (target >= 1 || target <= 0) return problems.add([...at, 0, field], `must lie strictly between 0 and ${field === 'target' ? 1 : 100}: ${field === 'target' ? target : target * 100} leaves ${target >= 1 ? 'no error budget' : 'no objective'}`);
  const slice = own(objective, 'timeSliceTarget');
  if (slice !== undefined && (typeof slice !== 'number' || slice <= 0 || slice >= 1)) return problems.add([...at, 0, 'timeSliceTarget'], 'must lie strictly between 0 and 1');
  return { target, ...(typeof slice === 'number' ? { sliceTarget: slice } : {}), sliceWindow: own(objective, 'timeSliceWindow') };
}

function readBudgetingMethod(spec: Record<string, unknown>, objective: ReturnType<typeof readObjective>, problems: ProblemList): Budgeting | undefined {
  const method = own(spec, 'budgetingMethod');
  if (method === 'Occurrences') return { kind: 'occurrences' };
  if (method === 'Timeslices') {
    if (!objective) return undefined;
    const window = objective.sliceWindow;
    if (window !== undefined && window !== '1m') return problems.add(['spec', 'objectives', 0, 'timeSliceWindow'], `Hikeshi's time slices are one minute (got ${JSON.stringify(window)})`);
    return { kind: 'timeslices', sliceTarget: objective.sliceTarget ?? objective.target };
  }
  if (method === 'RatioTimeslices') return problems.add(['spec', 'budgetingMethod'], 'RatioTimeslices cannot be mapped: use Occurrences or Timeslices');
  return problems.add(['spec', 'budgetingMethod'], `must be Occurrences or Timeslices (got ${JSON.stringify(method)})`);
}

function readIndicator(spec: Record<string, unknown>, indicators: Map<string, Indicator>, problems: ProblemList): SliSource | undefined {
  const ref = own(spec, 'indicatorRef');
  const inline = own(spec, 'indicator');
  let sliSpec: unknown;
  let at: YamlPath;
  let where = problems;
  if (typeof ref === 'string') {
    const indicator = indicators.get(ref);
    if (!indicator) return problems.add(['spec', 'indicatorRef'], `names no kind: SLI document in this file ("${ref}")`);
    sliSpec = indicator.spec;
    at = ['spec'];
    where = problems.inDocument(indicator.document);
  } else if (isRecord(inline)) {
    sliSpec = own(inline, 'spec');
    at = ['spec', 'indicator', 'spec'];
  } else return problems.add(['spec', 'indicator'], 'is required (or indicatorRef)');
  return readRatioMetric(sliSpec, at, where);
}

function readRatioMetric(sliSpec: unknown, at: YamlPath, problems: ProblemList): SliSource | undefined {
  if (!isRecord(sliSpec)) return problems.add(at, 'must hold the SLI spec');
  if (own(sliSpec, 'thresholdMetric') !== undefined) return problems.add([...at, 'thresholdMetric'], 'cannot be mapped: Hikeshi needs a ratioMetric with good (or bad) and total counts');
  const ratio = own(sliSpec, 'ratioMetric');
  if (!isRecord(ratio)) return problems.add([...at, 'ratioMetric'], 'is required');
  const rawMetric = own(ratio, 'raw');
  if (rawMetric !== undefined) {
    const query = promql(rawMetric, [...at, 'ratioMetric', 'raw'], problems);
    const rawType = own(ratio, 'rawType');
    if (rawType !== 'success' && rawType !== 'failure') return problems.add([...at, 'ratioMetric', 'rawType'], 'must be success or failure');
    return query === undefined ? undefined : { kind: 'prometheus-ratio', errorRatio: rawType === 'failure' ? query : `1 - (${query})` };
  }
  const total = promql(own(ratio, 'total'), [...at, 'ratioMetric', 'total'], problems);
  const good = own(ratio, 'good') === undefined ? undefined : promql(own(ratio, 'good'), [...at, 'ratioMetric', 'good'], problems);
  const bad = own(ratio, 'bad') === undefined ? undefined : promql(own(ratio, 'bad'), [...at, 'ratioMetric', 'bad'], problems);
  if ((good === undefined) === (bad === undefined)) return problems.add([...at, 'ratioMetric'], 'needs exactly one of good and bad beside total');
  return total === undefined ? undefined : { kind: 'prometheus', total, ...(good ? { good } : { bad: bad! }) };
}

function promql(metric: unknown, at: YamlPath, problems: ProblemList): string | undefined {
  const source = isRecord(metric) ? own(metric, 'metricSource') : undefined;
  if (!isRecord(source)) return problems.add(at, 'needs a metricSource');
  const type = own(source, 'type');
  if (typeof type !== 'string' || type.toLowerCase() !== 'prometheus') return problems.add([...at, 'metricSource', 'type'], `only Prometheus metric sources can be pulled (got ${JSON.stringify(type)})`);
  const spec = own(source, 'spec');
  const query = isRecord(spec) ? (own(spec, 'query') ?? own(spec, 'promql')) : undefined;
  if (typeof query !== 'string' || !query.trim()) return problems.add([...at, 'metricSource', 'spec', 'query'], 'is required (the PromQL query)');
  return query.trim();
}
