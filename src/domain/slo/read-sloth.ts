import type { SloDefinition } from './definition.js';
import { ProblemList, SLO_ID, isRecord, objectiveFromPercent, own, text } from './read-helpers.js';

/** Sloth specs carry no period; Sloth's own default is 30 days. */
const SLOTH_WINDOW = { kind: 'rolling', days: 30 } as const;

/**
 * Maps a Sloth `prometheus/v1` spec: each entry of `slos` becomes `<service>-<name>`
 * (Sloth's own sloth_id). Sloth queries are rates over `{{.window}}`; pulled per minute
 * they become `(query over 1m) * 60`, the minute's count. Plugin SLIs cannot be mapped.
 */
export function readSloth(raw: Record<string, unknown>, problems: ProblemList): SloDefinition[] {
  const service = text(raw, 'service', [], problems, { required: true });
  const list = own(raw, 'slos');
  if (!Array.isArray(list) || list.length === 0) {
    problems.add(['slos'], 'must list at least one SLO');
    return [];
  }
  const slos = list.flatMap((entry, index): SloDefinition[] => {
    const at = ['slos', index];
    if (!isRecord(entry)) return problems.add(at, 'must be a mapping') ?? [];
    const name = text(entry, 'name', at, problems, { required: true });
    const id = service && name ? `${service}-${name}` : undefined;
    if (id !== undefined && !SLO_ID.test(id)) problems.add([...at, 'name'], `makes the id "${id}", which must be lowercase letters, digits and dashes (at most 63)`);
    const objective = objectiveFromPercent(own(entry, 'objective'), [...at, 'objective'], problems);
    const description = text(entry, 'description', at, problems, { max: 1050 }) ?? '';
    const source = readSlothSli(own(entry, 'sli'), at, problems);
    if (!id || !service || objective === undefined || !source) return [];
    return [{ id, service, name: name!, description, objective, window: SLOTH_WINDOW, budgeting: { kind: 'occurrences' }, indicator: { type: 'ratio' }, source }];
  });
  return problems.items.length ? [] : slos;
}

function readSlothSli(raw: unknown, at: Array<string | number>, problems: ProblemList): SloDefinition['source'] | undefined {
  if (!isRecord(raw)) return problems.add([...at, 'sli'], 'is required');
  if (own(raw, 'plugin') !== undefined) return problems.add([...at, 'sli', 'plugin'], 'Sloth plugin SLIs cannot be mapped: write the events or raw queries');
  const events = own(raw, 'events');
  if (isRecord(events)) {
    const bad = text(events, 'error_query', [...at, 'sli', 'events'], problems, { required: true });
    const total = text(events, 'total_query', [...at, 'sli', 'events'], problems, { required: true });
    return bad && total ? { kind: 'prometheus', bad: perMinute(bad), total: perMinute(total) } : undefined;
  }
  const rawSli = own(raw, 'raw');
  if (isRecord(rawSli)) {
    const errorRatio = text(rawSli, 'error_ratio_query', [...at, 'sli', 'raw'], problems, { required: true });
    return errorRatio ? { kind: 'prometheus-ratio', errorRatio: errorRatio.replaceAll('{{.window}}', '1m') } : undefined;
  }
  return problems.add([...at, 'sli'], 'must have events {error_query, total_query} or raw {error_ratio_query}');
}

function perMinute(query: string): string {
  return `(${query.replaceAll('{{.window}}', '1m')}) * 60`;
}
