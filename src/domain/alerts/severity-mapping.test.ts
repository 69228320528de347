import { describe, expect, it } from 'vitest';
import { mapSeverity } from './severity-mapping.js';

describe('mapSeverity', () => {
  it.each([
    ['alertmanager', 'critical', 'critical', true],
    ['alertmanager', 'page', 'critical', true],
    ['alertmanager', 'CRIT', 'critical', true],
    ['alertmanager', ' major ', 'error', true],
    ['alertmanager', 'minor', 'warning', true],
    ['alertmanager', 'ticket', 'warning', true],
    ['grafana', 'warning', 'warning', true],
    ['generic', 'low', 'info', true],
    ['waroom', 'low', 'warning', true],
    ['waroom', 'high', 'error', true],
    ['datadog', 'P1', 'critical', true],
    ['datadog', 'P3', 'warning', true],
    ['datadog', 'P4', 'info', true],
    ['pagerduty', 'error', 'error', true],
  ] as const)('%s "%s" is %s', (source, raw, severity, known) => {
    expect(mapSeverity(source, raw)).toEqual({ severity, known });
  });

  it.each([
    ['an unknown string', 'spicy'],
    ['no severity at all', undefined],
    ['an empty string', '  '],
    ['a prototype property name (own keys only)', '__proto__'],
    ['toString', 'toString'],
  ])('takes %s as a warning, marked unknown', (_case, raw) => {
    expect(mapSeverity('generic', raw)).toEqual({ severity: 'warning', known: false });
  });
});
