import { describe, expect, it } from 'vitest';
import { fieldCatalog } from './catalog.js';
import { conditionHolds, evaluateCondition, readCondition } from './condition.js';
import { parseFieldPath } from './field-path.js';
import type { Condition, Facts } from './types.js';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const catalog = fieldCatalog({
  cs_inquiries: { type: 'number' },
  personal_data_exposed: { type: 'boolean' },
  region: { type: 'choice', choices: ['tokyo', 'osaka'] },
  'incident.severity': { type: 'severity' },
  'incident.title': { type: 'text' },
  'incident.declared_at': { type: 'time' },
  'service.names': { type: 'list' },
  'alert.labels.*': { type: 'text' },
});

function read(raw: unknown): Condition {
  const { condition, problems } = readCondition(raw, catalog, 'when', SEVERITIES);
  expect(problems).toEqual([]);
  return condition as Condition;
}

/** Both evaluators agree on every case: the evidence-free fast path and the explained one. */
function holds(raw: unknown, facts: Facts): boolean {
  const condition = read(raw);
  const matched = evaluateCondition(condition, facts, SEVERITIES).matched;
  expect(conditionHolds(condition, facts, SEVERITIES)).toBe(matched);
  return matched;
}

describe('parseFieldPath', () => {
  it.each<[string, string[] | undefined]>([
    ['cs_inquiries', ['cs_inquiries']],
    ['alert.labels.env', ['alert', 'labels', 'env']],
    ['alert.labels["k8s.io/app"]', ['alert', 'labels', 'k8s.io/app']],
    ["alert.labels['team']", ['alert', 'labels', 'team']],
    ['alert.labels["say \\"hi\\""]', ['alert', 'labels', 'say "hi"']],
    ['a trailing dot.', undefined],
    ['.leading', undefined],
    ['alert..labels', undefined],
    ['alert.labels["unclosed', undefined],
    ['alert.labels[""]', undefined],
    ['', undefined],
  ])('%s', (path, expected) => {
    expect(parseFieldPath(path)).toEqual(expected);
  });
});

describe('evaluateCondition', () => {
  it.each<[string, unknown, Facts, boolean]>([
    ['eq on a number', { field: 'cs_inquiries', op: 'eq', value: 5 }, { cs_inquiries: 5 }, true],
    ['gte at the threshold itself', { field: 'cs_inquiries', op: 'gte', value: 50 }, { cs_inquiries: 50 }, true],
    ['gt at the threshold itself is false', { field: 'cs_inquiries', op: 'gt', value: 50 }, { cs_inquiries: 50 }, false],
    ['lt below', { field: 'cs_inquiries', op: 'lt', value: 50 }, { cs_inquiries: 49 }, true],
    ['a missing field is false for gte', { field: 'cs_inquiries', op: 'gte', value: 0 }, {}, false],
    ['a missing field is false for ne', { field: 'cs_inquiries', op: 'ne', value: 3 }, {}, false],
    ['a missing field is false for not_in', { field: 'region', op: 'not_in', value: ['tokyo'] }, {}, false],
    ['a null field counts as missing', { field: 'personal_data_exposed', op: 'exists' }, { personal_data_exposed: null }, false],
    ['not over a missing field is true', { not: { field: 'cs_inquiries', op: 'gte', value: 10 } }, {}, true],
    ['not exists over a missing field is true', { not: { field: 'alert.labels.maintenance', op: 'exists' } }, { alert: { labels: {} } }, true],
    ['exists over a present false', { field: 'personal_data_exposed', op: 'exists' }, { personal_data_exposed: false }, true],
    ['a number-typed leaf over a text fact is false', { field: 'cs_inquiries', op: 'gte', value: 1 }, { cs_inquiries: '120' }, false],
    ['eq on a boolean', { field: 'personal_data_exposed', op: 'eq', value: true }, { personal_data_exposed: true }, true],
    ['in on a choice', { field: 'region', op: 'in', value: ['tokyo', 'osaka'] }, { region: 'osaka' }, true],
    ['not_in on a choice', { field: 'region', op: 'not_in', value: ['tokyo'] }, { region: 'osaka' }, true],
    ['contains on a list', { field: 'service.names', op: 'contains', value: 'payments' }, { service: { names: ['maps', 'payments'] } }, true],
    ['in on a list means any element', { field: 'service.names', op: 'in', value: ['payments', 'auth'] }, { service: { names: ['maps', 'auth'] } }, true],
    ['not_in on a list means no element', { field: 'service.names', op: 'not_in', value: ['auth'] }, { service: { names: ['maps', 'auth'] } }, false],
    ['contains on text is a substring', { field: 'incident.title', op: 'contains', value: '決済' }, { incident: { title: '決済APIの遅延' } }, true],
    ['starts_with', { field: 'incident.title', op: 'starts_with', value: '決済' }, { incident: { title: '決済APIの遅延' } }, true],
    ['matches is a partial RE2 match', { field: 'incident.title', op: 'matches', value: 'pay(ment)?s?' }, { incident: { title: 'Checkout payments down' } }, true],
    ['matches with (?i) ignores case', { field: 'incident.title', op: 'matches', value: '(?i)^checkout' }, { incident: { title: 'CHECKOUT down' } }, true],
    ['sev_gte: SEV1 is at least SEV2', { field: 'incident.severity', op: 'sev_gte', value: 'SEV2' }, { incident: { severity: 'SEV1' } }, true],
    ['sev_gte: SEV3 is not at least SEV2', { field: 'incident.severity', op: 'sev_gte', value: 'SEV2' }, { incident: { severity: 'SEV3' } }, false],
    ['sev_lte: SEV3 is at most SEV2', { field: 'incident.severity', op: 'sev_lte', value: 'SEV2' }, { incident: { severity: 'SEV3' } }, true],
    ['sev_gte on a severity the list does not know is false', { field: 'incident.severity', op: 'sev_gte', value: 'SEV4' }, { incident: { severity: 'P1' } }, false],
    ['time compared as instants across zones', { field: 'incident.declared_at', op: 'gt', value: '2026-12-01T09:00:00+09:00' }, { incident: { declared_at: '2026-12-01T00:30:00Z' } }, true],
    ['a label key with dots', { field: 'alert.labels["k8s.io/app"]', op: 'eq', value: 'api' }, { alert: { labels: { 'k8s.io/app': 'api' } } }, true],
    ['a dotted label key is not a nested lookup', { field: 'alert.labels["k8s.io/app"]', op: 'eq', value: 'api' }, { alert: { labels: { k8s: { 'io/app': 'api' } } } }, false],
    ['all needs every child', { all: [{ field: 'cs_inquiries', op: 'gte', value: 10 }, { field: 'region', op: 'eq', value: 'tokyo' }] }, { cs_inquiries: 12, region: 'osaka' }, false],
    ['any needs one child', { any: [{ field: 'cs_inquiries', op: 'gte', value: 10 }, { field: 'region', op: 'eq', value: 'tokyo' }] }, { cs_inquiries: 12, region: 'osaka' }, true],
    ['an inherited property is not a fact', { field: 'incident.title', op: 'exists' }, { incident: Object.create({ title: 'inherited' }) as Facts }, false],
    ['a fact object with a foreign prototype is not walked', { field: 'incident.title', op: 'exists' }, { incident: new (class { title = 'x'; })() }, false],
    ['an array is not walked by key', { field: 'alert.labels.length', op: 'exists' }, { alert: { labels: ['a'] } }, false],
  ])('%s', (_name, raw, facts, expected) => {
    expect(holds(raw, facts)).toBe(expected);
  });

  it('returns the leaves that made a match, and only those', () => {
    const condition = read({
      any: [
        { field: 'cs_inquiries', op: 'gte', value: 50 },
        { all: [{ field: 'region', op: 'eq', value: 'tokyo' }, { not: { field: 'personal_data_exposed', op: 'eq', value: false } }] },
      ],
    });
    const result = evaluateCondition(condition, { cs_inquiries: 60, region: 'tokyo', personal_data_exposed: true }, SEVERITIES);
    expect(result).toEqual({
      matched: true,
      evidence: [
        { field: 'cs_inquiries', op: 'gte', expected: 50, actual: 60 },
        { field: 'region', op: 'eq', expected: 'tokyo', actual: 'tokyo' },
        { field: 'personal_data_exposed', op: 'eq', expected: false, actual: true, negated: true },
      ],
    });
  });

  it('a catastrophic-backtracking pattern stays linear under RE2', () => {
    const condition = read({ field: 'incident.title', op: 'matches', value: '^(a+)+$' });
    const started = performance.now();
    const result = evaluateCondition(condition, { incident: { title: `${'a'.repeat(50_000)}!` } }, SEVERITIES);
    expect(result.matched).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a prototype-polluting key in the facts is not read as a fact', () => {
    const facts = JSON.parse('{"incident": {"__proto__": {"title": "polluted"}}}') as Facts;
    expect(holds({ field: 'incident.title', op: 'exists' }, facts)).toBe(false);
  });
});

describe('readCondition', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['an unknown operator', { field: 'cs_inquiries', op: 'between', value: 1 }, 'when.op', /unknown operator "between"/],
    ['an unknown field', { field: 'cs_inquries', op: 'gte', value: 1 }, 'when.field', /unknown field "cs_inquries"/],
    ['a text value for a number field', { field: 'cs_inquiries', op: 'gte', value: '50' }, 'when.value', /must be a number/],
    ['a string "true" for a boolean field', { field: 'personal_data_exposed', op: 'eq', value: 'true' }, 'when.value', /true or false/],
    ['an unknown severity', { field: 'incident.severity', op: 'sev_gte', value: 'SEV9' }, 'when.value', /unknown severity "SEV9"/],
    ['a choice the field does not offer', { field: 'region', op: 'eq', value: 'nagoya' }, 'when.value', /not a choice/],
    ['an operator that does not fit the type', { field: 'personal_data_exposed', op: 'gt', value: 1 }, 'when.op', /does not apply/],
    ['__proto__ in a field path', { field: 'alert.labels.__proto__', op: 'exists' }, 'when.field', /"__proto__" may not be used/],
    ['constructor in a bracketed segment', { field: 'alert.labels["constructor"]', op: 'exists' }, 'when.field', /"constructor" may not be used/],
    ['prototype in a field path', { field: 'prototype', op: 'exists' }, 'when.field', /"prototype" may not be used/],
    ['a value on exists', { field: 'cs_inquiries', op: 'exists', value: 1 }, 'when.value', /takes no value/],
    ['a missing value', { field: 'cs_inquiries', op: 'gte' }, 'when.value', /needs a value/],
    ['an empty in list', { field: 'region', op: 'in', value: [] }, 'when.value', /list of 1 to 500/],
    ['an in list of 501', { field: 'alert.labels.env', op: 'in', value: Array.from({ length: 501 }, (_, i) => `e${i}`) }, 'when.value', /list of 1 to 500/],
    ['a wrong item inside in', { field: 'cs_inquiries', op: 'in', value: [1, 'two'] }, 'when.value[1]', /must be a number/],
    ['a regex of 257 characters', { field: 'incident.title', op: 'matches', value: 'a'.repeat(257) }, 'when.value', /at most 256/],
    ['a backreference RE2 refuses', { field: 'incident.title', op: 'matches', value: '(a)\\1' }, 'when.value', /not an RE2 pattern/],
    ['a group key beside a leaf', { all: [], field: 'x' }, 'when.field', /unexpected key/],
    ['an empty all', { all: [] }, 'when.all', /non-empty list/],
    ['a string expression', 'cs_inquiries > 5', 'when', /must be a condition/],
    ['an unknown node key', { when: {} }, 'when', /unknown key "when"/],
    ['a bad item deep inside', { all: [{ any: [{ field: 'cs_inquiries', op: 'gte', value: true }] }] }, 'when.all[0].any[0].value', /must be a number/],
  ])('refuses %s, naming %s', (_name, raw, path, message) => {
    const { condition, problems } = readCondition(raw, catalog, 'when', SEVERITIES);
    expect(condition).toBeUndefined();
    expect(problems[0]?.path).toBe(path);
    expect(problems[0]?.message).toMatch(message);
  });

  it('refuses nesting deeper than 8, and accepts 8', () => {
    const nest = (depth: number): unknown => (depth === 1 ? { field: 'cs_inquiries', op: 'exists' } : { not: nest(depth - 1) });
    expect(readCondition(nest(8), catalog, 'when', SEVERITIES).problems).toEqual([]);
    expect(readCondition(nest(9), catalog, 'when', SEVERITIES).problems[0]?.message).toMatch(/at most 8 deep/);
  });

  it('reports every problem, not only the first', () => {
    const { problems } = readCondition(
      { all: [{ field: 'nope', op: 'eq', value: 1 }, { field: 'cs_inquiries', op: 'eq', value: 'x' }] },
      catalog,
      'rules[0].when',
      SEVERITIES,
    );
    expect(problems.map((problem) => problem.path)).toEqual(['rules[0].when.all[0].field', 'rules[0].when.all[1].value']);
  });

  it('a __proto__ key parsed from JSON is an unknown key, not a prototype', () => {
    const raw = JSON.parse('{"__proto__": {"field": "cs_inquiries", "op": "exists"}}') as unknown;
    expect(readCondition(raw, catalog, 'when', SEVERITIES).problems[0]?.message).toMatch(/unknown key "__proto__"/);
  });

  it('a severity field with its own choices compares along them', () => {
    const alertCatalog = fieldCatalog({ 'alert.severity': { type: 'severity', choices: ['critical', 'error', 'warning', 'info'] } });
    const { problems } = readCondition({ field: 'alert.severity', op: 'sev_gte', value: 'error' }, alertCatalog, 'when', SEVERITIES);
    expect(problems).toEqual([]);
  });
});
