import { describe, expect, it } from 'vitest';
import { policyLines } from './severity-lines.js';

const POLICY = `version: 1
rules:
  - id: personal-data
    severity: SEV1
    when: { field: personal_data_exposed, op: eq, value: true }
  - id: many-inquiries
    severity: SEV2
    when:
      field: cs_inquiries
      op: gte
      value: 50
examples:
  - name: "50 inquiries make it SEV2"
    facts: { cs_inquiries: 50 }
    expect: SEV2
  - { name: quiet, facts: {}, expect: null }
`;

describe('policyLines', () => {
  it('finds the line each rule and example starts on, block and flow style alike', () => {
    const lines = policyLines(POLICY);
    expect([...lines.rules]).toEqual([
      ['personal-data', 3],
      ['many-inquiries', 6],
    ]);
    expect([...lines.examples]).toEqual([
      ['50 inquiries make it SEV2', 13],
      ['quiet', 16],
    ]);
  });

  it('a duplicated rule id keeps its first line (where the policy would be refused)', () => {
    expect(policyLines('rules:\n  - id: a\n  - id: a\n').rules.get('a')).toBe(2);
  });

  it('text that is not a map, or broken YAML, gives no lines rather than throwing', () => {
    expect(policyLines('- just a list').rules.size).toBe(0);
    expect(policyLines('rules: [\n  - id: a').rules.size).toBe(0);
    expect(policyLines('').examples.size).toBe(0);
  });
});
