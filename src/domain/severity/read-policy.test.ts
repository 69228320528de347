import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../fields/defaults.js';
import { evaluateSeverity } from './evaluate.js';
import { severityFactCatalog } from './fact-catalog.js';
import { formatPolicyProblem, readSeverityPolicy } from './read-policy.js';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const context = { catalog: severityFactCatalog(DEFAULT_FIELDS), severities: SEVERITIES, file: 'severity.yaml' };

const POLICY = `version: 1
rules:
  - id: cs-50
    severity: SEV2
    reason: { en: "50 or more inquiries", ja: "問い合わせ 50 件以上" }
    when: { field: cs_inquiries, op: gte, value: 50 }
  - id: personal-data
    severity: SEV1
    reason: { en: "Personal data exposed", ja: "個人情報の漏えい" }
    when: { field: personal_data_exposed, op: eq, value: true }
examples:
  - name: "50 inquiries make it SEV2"
    facts: { cs_inquiries: 50 }
    expect: SEV2
`;

describe('readSeverityPolicy', () => {
  it('accepts the shipped severity.yaml, every example passing', () => {
    const reading = readSeverityPolicy(readFileSync('severity.yaml', 'utf8'), context);
    expect(reading.problems).toEqual([]);
    expect(reading.examples.length).toBeGreaterThan(10);
    expect(reading.examples.every((example) => example.passed)).toBe(true);
    const ruleIds = reading.policy?.rules.map((rule) => rule.id) ?? [];
    const exercised = new Set(reading.examples.flatMap((example) => example.ruleIds));
    expect(ruleIds.filter((id) => !exercised.has(id))).toEqual([]);
  });

  it('accepts a small policy and keeps the rules in order', () => {
    const reading = readSeverityPolicy(POLICY, context);
    expect(reading.problems).toEqual([]);
    expect(reading.policy?.rules.map((rule) => rule.id)).toEqual(['cs-50', 'personal-data']);
    expect(reading.examples).toEqual([{ name: '50 inquiries make it SEV2', expected: 'SEV2', actual: 'SEV2', ruleIds: ['cs-50'], passed: true }]);
  });

  it.each<[string, string, string, Record<string, unknown>]>([
    ['a failing example, named with its line', POLICY.replace('expect: SEV2', 'expect: SEV1'), 'examples[0].expect',
      { line: 14, example: '50 inquiries make it SEV2', message: 'example "50 inquiries make it SEV2" expects SEV1 but the policy gives SEV2 (rules matched: cs-50)' }],
    ['an unknown field, naming the rule', POLICY.replace('field: cs_inquiries', 'field: cs_inquries'), 'rules[0].when.field',
      { line: 6, ruleId: 'cs-50', message: 'unknown field "cs_inquries"' }],
    ['a wrong value type', POLICY.replace('value: 50', 'value: "fifty"'), 'rules[0].when.value', { line: 6, ruleId: 'cs-50' }],
    ['an unknown severity on a rule', POLICY.replace('severity: SEV1', 'severity: SEV0'), 'rules[1].severity', { line: 8, ruleId: 'personal-data' }],
    ['an unknown severity an example expects', POLICY.replace('expect: SEV2', 'expect: P2'), 'examples[0].expect', { line: 14, example: '50 inquiries make it SEV2' }],
    ['a reason without Japanese', POLICY.replace(', ja: "問い合わせ 50 件以上"', ''), 'rules[0].reason.ja', { ruleId: 'cs-50' }],
    ['two rules with one id', POLICY.replace('id: personal-data', 'id: cs-50'), 'rules[1].id', { line: 7 }],
    ['an id that is not kebab-case', POLICY.replace('id: cs-50', 'id: CS_50'), 'rules[0].id', { line: 3 }],
    ['an example naming an unknown fact', POLICY.replace('facts: { cs_inquiries: 50 }', 'facts: { cs_inquires: 50 }'), 'examples[0].facts.cs_inquires',
      { message: 'unknown fact "cs_inquires"' }],
    ['an example fact of the wrong type', POLICY.replace('facts: { cs_inquiries: 50 }', 'facts: { cs_inquiries: "50" }'), 'examples[0].facts.cs_inquiries',
      { message: 'cs_inquiries must be a number' }],
    ['an unknown top-level key', `${POLICY}strategy: first-match\n`, 'strategy', { line: 15 }],
    ['version 2', POLICY.replace('version: 1', 'version: 2'), 'version', { line: 1 }],
    ['a rule without when', POLICY.replace('    when: { field: personal_data_exposed, op: eq, value: true }\n', ''), 'rules[1].when', { ruleId: 'personal-data' }],
    ['a __proto__ key in a condition', POLICY.replace('when: { field: cs_inquiries, op: gte, value: 50 }', 'when: { __proto__: { field: cs_inquiries, op: exists } }'),
      'rules[0].when', { message: 'unknown key "__proto__": use all, any, not, or {field, op, value}' }],
  ])('refuses %s', (_name, text, path, expected) => {
    const reading = readSeverityPolicy(text, context);
    expect(reading.policy).toBeUndefined();
    expect(reading.problems.find((problem) => problem.path === path)).toMatchObject({ file: 'severity.yaml', ...expected });
  });

  it('refuses broken YAML with its line', () => {
    const reading = readSeverityPolicy('version: 1\nrules:\n  - id: [unclosed\n', context);
    expect(reading.policy).toBeUndefined();
    expect(reading.problems[0]).toMatchObject({ line: expect.any(Number), message: expect.stringMatching(/^YAML: /) });
  });

  it('refuses a duplicate key instead of keeping the last one', () => {
    const reading = readSeverityPolicy(POLICY.replace('    severity: SEV2\n', '    severity: SEV2\n    severity: SEV4\n'), context);
    expect(reading.policy).toBeUndefined();
  });

  it('formats a problem with the file, line, rule and path', () => {
    const [problem] = readSeverityPolicy(POLICY.replace('value: 50', 'value: "fifty"'), context).problems;
    expect(formatPolicyProblem(problem!)).toBe('severity.yaml:6:43 rule "cs-50" rules[0].when.value: must be a number');
  });
});

describe('evaluateSeverity', () => {
  const policy = readSeverityPolicy(readFileSync('severity.yaml', 'utf8'), context).policy!;

  it.each<[string, Record<string, unknown>, string | undefined, string[]]>([
    ['no facts: no opinion', {}, undefined, []],
    ['the worst of several matches wins, every match listed in policy order', { cs_inquiries: 60, personal_data_exposed: true }, 'SEV1', ['personal-data-exposed', 'cs-inquiries-10', 'cs-inquiries-50']],
    ['unset (null) facts match nothing', { cs_inquiries: null, personal_data_exposed: null }, undefined, []],
    ['an alert label key with dots does not disturb the maintenance check', { service: { tier: 1 }, alert: { severity: 'critical', labels: { 'k8s.io/app': 'api' } } }, 'SEV2', ['tier1-critical-alert']],
  ])('%s', (_name, facts, severity, ruleIds) => {
    const result = evaluateSeverity(policy, facts, SEVERITIES);
    expect(result.severity).toBe(severity);
    expect(result.matches.map((match) => match.ruleId)).toEqual(ruleIds);
  });

  it('explains a match with the facts that made it', () => {
    const result = evaluateSeverity(policy, { cs_inquiries: 55 }, SEVERITIES);
    expect(result.matches.find((match) => match.ruleId === 'cs-inquiries-50')).toEqual({
      ruleId: 'cs-inquiries-50',
      severity: 'SEV2',
      reason: { en: '50 or more customer-support inquiries.', ja: 'カスタマーサポートへの問い合わせが 50 件以上のため。' },
      evidence: [{ field: 'cs_inquiries', op: 'gte', expected: 50, actual: 55 }],
    });
  });
});
