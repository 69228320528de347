import { describe, expect, it } from 'vitest';
import { percent, sloYaml } from './slo-yaml.js';

const base = { id: 'checkout-availability', service: 'checkout', name: 'Checkout availability', description: '', indicator: { type: 'ratio' } } as const;

describe('sloYaml', () => {
  it('writes a pushed rolling occurrences SLO with the objective as a percentage', () => {
    expect(sloYaml({ ...base, objective: 0.999, window: { kind: 'rolling', days: 28 }, budgeting: { kind: 'occurrences' }, source: { kind: 'push' } })).toBe(
      ['id: checkout-availability', 'service: checkout', 'name: Checkout availability', 'objective: 99.9', 'window: 28d', 'budgeting: occurrences', 'sli:', '  type: ratio', '  push: true', ''].join('\n'),
    );
  });

  it('writes a calendar window with its zone, timeslices with the slice target, and a latency threshold with bad/total queries', () => {
    const text = sloYaml({
      ...base,
      description: 'Fast checkouts',
      objective: 0.995,
      window: { kind: 'calendar', unit: 'month', timeZone: 'Asia/Tokyo' },
      budgeting: { kind: 'timeslices', sliceTarget: 0.99 },
      indicator: { type: 'latency', thresholdMs: 300 },
      source: { kind: 'prometheus', bad: 'sum(bad)', total: 'sum(total)' },
    });
    expect(text).toContain('description: Fast checkouts\nobjective: 99.5\nwindow: month\ntimeZone: Asia/Tokyo\nbudgeting: timeslices\nsliceTarget: 99\n');
    expect(text).toContain('sli:\n  type: latency\n  threshold: 300ms\n  prometheus:\n    bad: sum(bad)\n    total: sum(total)\n');
  });

  it('names an estimate from incidents and an error-ratio query', () => {
    expect(sloYaml({ ...base, objective: 0.99, window: { kind: 'rolling', days: 7 }, budgeting: { kind: 'occurrences' }, source: { kind: 'incidents' } })).toContain('  estimate: incidents\n');
    expect(sloYaml({ ...base, objective: 0.99, window: { kind: 'rolling', days: 7 }, budgeting: { kind: 'occurrences' }, source: { kind: 'prometheus-ratio', errorRatio: 'job:errors:ratio1m' } })).toContain('  prometheus:\n    errorRatio: job:errors:ratio1m\n');
  });

  it('turns fractions into percentages without float noise (0.9995 is 99.95, not 99.94999…)', () => {
    expect([percent(0.9995), percent(0.999), percent(0.07)]).toEqual([99.95, 99.9, 7]);
  });
});
