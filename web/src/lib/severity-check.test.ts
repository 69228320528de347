import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../../../src/domain/fields/defaults.js';
import { checkSeverityText } from './severity-check.js';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const SHIPPED = readFileSync(new URL('../../../severity.yaml', import.meta.url), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('checkSeverityText', () => {
  it('the shipped policy reads with every example passing', () => {
    const check = checkSeverityText(SHIPPED, DEFAULT_FIELDS, SEVERITIES);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.examples.length).toBeGreaterThan(10);
    expect(check.examples.every((example) => example.passed)).toBe(true);
  });

  it('a threshold moved past its example fails that example alone, at its expect line', () => {
    const broken = SHIPPED.replace('{ field: cs_inquiries, op: gte, value: 50 }', '{ field: cs_inquiries, op: gte, value: 51 }');
    const check = checkSeverityText(broken, DEFAULT_FIELDS, SEVERITIES);
    expect(check.ok).toBe(false);
    const failing = check.examples.filter((example) => !example.passed);
    expect(failing.map((example) => [example.name, example.expected, example.actual])).toEqual([['50 inquiries make it SEV2', 'SEV2', 'SEV3']]);
    // The problem sits on the example's `expect:` line, two below its name.
    expect(check.problems).toMatchObject([{ example: '50 inquiries make it SEV2', path: 'examples[10].expect', line: lineOf(broken, '- name: "50 inquiries make it SEV2"') + 2 }]);
  });

  it('an unknown field is refused at its line even though the examples cannot run', () => {
    const broken = SHIPPED.replace('{ field: road_traffic_act, op: eq, value: true }', '{ field: road_trafic_act, op: eq, value: true }');
    const check = checkSeverityText(broken, DEFAULT_FIELDS, SEVERITIES);
    const problem = check.problems.find((p) => p.path.endsWith('when.field'));
    expect(problem?.line).toBe(lineOf(broken, 'road_trafic_act'));
  });

  it('a field the settings do not declare is unknown: the catalog follows the declared fields', () => {
    const withoutVehicles = DEFAULT_FIELDS.filter((field) => field.key !== 'affected_vehicles');
    expect(checkSeverityText(SHIPPED, withoutVehicles, SEVERITIES).ok).toBe(false);
  });
});
