import { describe, expect, it } from 'vitest';
import { attributeBurn, type IncidentImpact } from './attribution.js';
import { rollUp } from './buckets.js';
import { HOUR_MS, MINUTE_MS, type Budgeting, type MinuteBucket } from './types.js';

const T0 = Date.parse('2026-11-23T00:00:00Z');
const at = (minute: number, seconds = 0) => T0 + minute * MINUTE_MS + seconds * 1_000;
const bucket = (minute: number, bad: number, total = 1_000): MinuteBucket => ({ start: at(minute), good: total - bad, total });
const incident = (id: string, from: number, to: number): IncidentImpact => ({ incidentId: id, span: { start: from, end: to } });
const OCC: Budgeting = { kind: 'occurrences' };
const WEEK = { start: T0, end: T0 + 7 * 24 * HOUR_MS };

describe('attributeBurn', () => {
  it.each<[string, MinuteBucket[], IncidentImpact[], Budgeting, Record<string, number>, number]>([
    ['one incident covering its bad minutes takes all of them', [bucket(10, 100), bucket(11, 50)], [incident('A', at(10), at(12))], OCC, { A: 150 }, 0],
    ['burn outside every incident is unattributed', [bucket(10, 100), bucket(30, 40)], [incident('A', at(10), at(11))], OCC, { A: 100 }, 40],
    ['two incidents over the same minute split it instead of counting it twice', [bucket(10, 100)], [incident('A', at(0), at(20)), incident('B', at(5), at(15))], OCC, { A: 50, B: 50 }, 0],
    ['an incident covering half a minute takes half of its bad events', [bucket(10, 100)], [incident('A', at(10, 30), at(30))], OCC, { A: 50 }, 50],
    ['the impact end is exclusive: the minute it ends in is not its own', [bucket(10, 100)], [incident('A', at(5), at(10))], OCC, { A: 0 }, 100],
    ['timeslices count a bad minute once, split between overlapping incidents', [bucket(10, 500), bucket(11, 0)], [incident('A', at(10), at(12)), incident('B', at(10), at(12))], { kind: 'timeslices', sliceTarget: 0.99 }, { A: 0.5, B: 0.5 }, 0],
    ['minutes outside the review period are not counted at all', [{ start: T0 - MINUTE_MS, good: 0, total: 10 }, bucket(1, 10)], [incident('A', T0 - HOUR_MS, at(2))], OCC, { A: 10 }, 0],
  ])('%s', (_title, buckets, incidents, budgeting, expected, unattributed) => {
    const result = attributeBurn(buckets, incidents, WEEK, budgeting);
    for (const [id, amount] of Object.entries(expected)) expect(result.byIncident.get(id)).toBeCloseTo(amount, 9);
    expect(result.unattributed).toBeCloseTo(unattributed, 9);
    const sum = [...result.byIncident.values()].reduce((a, b) => a + b, 0);
    expect(sum + result.unattributed).toBeCloseTo(result.totalBad, 9);
  });
});

describe('rollUp', () => {
  it('sums minutes into hours and counts the minutes that had data', () => {
    const hours = rollUp([bucket(0, 1), bucket(59, 2), bucket(60, 30)], HOUR_MS, { kind: 'timeslices', sliceTarget: 0.99 });
    expect(hours).toEqual([
      { start: T0, good: 1_997, total: 2_000, bad: 0, minutesWithData: 2 },
      { start: T0 + HOUR_MS, good: 970, total: 1_000, bad: 1, minutesWithData: 1 },
    ]);
  });
});
