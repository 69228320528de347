import { describe, expect, it } from 'vitest';
import { EMPTY_TOTALS } from '../slo/buckets.js';
import type { SloDefinition } from '../slo/definition.js';
import { DAY_MS } from '../slo/types.js';
import { sloRow } from './slo-rows.js';

const END = Date.parse('2026-11-30T00:00:00Z');
const WEEK = { start: END - 7 * DAY_MS, end: END };

function slo(overrides: Partial<SloDefinition> = {}): SloDefinition {
  return {
    id: 'checkout-availability',
    service: 'checkout',
    name: 'Checkout availability',
    description: '',
    indicator: { type: 'ratio' },
    source: { kind: 'push' },
    objective: 0.999,
    window: { kind: 'rolling', days: 28 },
    budgeting: { kind: 'occurrences' },
    ...overrides,
  };
}

const totals = (good: number, total: number, bad: number, minutesWithData: number) => ({ good, total, bad, minutesWithData });

describe('sloRow', () => {
  it('healthy: budget 1,000 events, 500 left, 300 burnt this week against 100 last week', () => {
    const row = sloRow(
      { slo: slo(), windowAtEnd: totals(999_500, 1_000_000, 500, 40_320), windowAtStart: totals(999_700, 1_000_000, 300, 40_320), thisWeek: totals(249_700, 250_000, 300, 10_080), lastWeek: totals(249_900, 250_000, 100, 10_080) },
      WEEK,
      END,
    );
    expect(row).toMatchObject({ status: 'healthy', unit: 'events', badThisWeek: 300 });
    expect(row.budget).toBeCloseTo(1000, 9);
    expect(row.attainment).toBeCloseTo(0.9995, 12);
    expect(row.budgetRemaining).toBeCloseTo(0.5, 12);
    expect(row.burntThisWeek).toBeCloseTo(0.3, 12);
    expect(row.burntLastWeek).toBeCloseTo(0.1, 12);
    expect(row.budgetRemainingChange).toBeCloseTo(-0.2, 12);
    expect(row.attainmentChange).toBeCloseTo(-0.0002, 12);
    // 30 % of the budget in 7 of 28 days is 1.2× the allowed pace: the 50 % left lasts 0.5 × 28 d / 1.2 = 11.67 days.
    expect(Date.parse(row.projectedExhaustion!)).toBeCloseTo(END + (0.5 * 28 * DAY_MS) / 1.2, -3);
  });

  it('an SLO with no data says no data, never 100 %', () => {
    const row = sloRow({ slo: slo(), windowAtEnd: EMPTY_TOTALS, windowAtStart: EMPTY_TOTALS, thisWeek: EMPTY_TOTALS, lastWeek: EMPTY_TOTALS }, WEEK, END);
    expect(row).toMatchObject({ status: 'no_data', attainment: null, budgetRemaining: null, burntThisWeek: null, burntLastWeek: null, attainmentChange: null, projectedExhaustion: null });
  });

  it('a window with data but a silent week: status from the window, this week’s burn is no data (not 0)', () => {
    const row = sloRow({ slo: slo(), windowAtEnd: totals(999_900, 1_000_000, 100, 30_000), windowAtStart: totals(999_900, 1_000_000, 100, 30_000), thisWeek: EMPTY_TOTALS, lastWeek: totals(0, 0, 0, 0) }, WEEK, END);
    expect(row.status).toBe('healthy');
    expect(row.burntThisWeek).toBeNull();
    expect(row.projectedExhaustion).toBeNull();
  });

  it('timeslices at risk: 99 % over 7 days allows 100.8 bad minutes; 81 burnt leaves 19.64 %', () => {
    const target = slo({ objective: 0.99, window: { kind: 'rolling', days: 7 }, budgeting: { kind: 'timeslices', sliceTarget: 0.95 } });
    const row = sloRow({ slo: target, windowAtEnd: totals(0, 0, 81, 10_080), windowAtStart: totals(0, 0, 0, 10_080), thisWeek: totals(0, 0, 81, 10_080), lastWeek: totals(0, 0, 0, 10_080) }, WEEK, END);
    expect(row).toMatchObject({ status: 'at_risk', unit: 'minutes' });
    expect(row.budget).toBeCloseTo(100.8, 9);
    expect(row.budgetRemaining).toBeCloseTo(19.8 / 100.8, 9);
    expect(row.burntThisWeek).toBeCloseTo(81 / 100.8, 9);
  });

  it('exhausted: more bad than budget', () => {
    const row = sloRow({ slo: slo(), windowAtEnd: totals(998_000, 1_000_000, 2_000, 40_320), windowAtStart: totals(999_000, 1_000_000, 1_000, 40_320), thisWeek: totals(0, 250_000, 1_000, 10_080), lastWeek: EMPTY_TOTALS }, WEEK, END);
    expect(row.status).toBe('exhausted');
    expect(row.budgetRemaining).toBeCloseTo(-1, 12);
    expect(row.projectedExhaustion).toBe(new Date(END).toISOString());
  });
});
