import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../slo/types.js';
import { attributeWeek, type IncidentImpactRow } from './week-attribution.js';

const WEEK = { start: 0, end: 7 * DAY_MS };
const impact = (incidentId: string, sloId: string, start: number, end: number, bad: number, share: number): IncidentImpactRow => ({ incidentId, sloId, span: { start, end }, bad, share, estimated: false });

describe('attributeWeek', () => {
  it('splits the week’s 100 bad events: 40 to A, half of B’s 20 (it began the week before), 50 unattributed', () => {
    const result = attributeWeek('api', 'events', WEEK, 100, 1000, [
      impact('A', 'api', DAY_MS, DAY_MS + HOUR_MS, 40, 0.04),
      impact('B', 'api', -HOUR_MS, HOUR_MS, 20, 0.25),
      impact('C', 'web', DAY_MS, DAY_MS + HOUR_MS, 99, 0.5),
      impact('D', 'api', 8 * DAY_MS, 9 * DAY_MS, 30, 0.03),
    ]);
    expect(result.incidents.map((i) => [i.incidentId, i.bad, i.share, i.partial, i.postmortemRequired])).toEqual([
      ['A', 40, 0.04, false, false],
      ['B', 10, 0.01, true, true],
    ]);
    expect(result.unattributed).toEqual({ bad: 50, share: 0.05 });
  });

  it('incidents never make the unattributed rest negative', () => {
    const result = attributeWeek('api', 'minutes', WEEK, 10, 100, [impact('A', 'api', 0, HOUR_MS, 12, 0.12)]);
    expect(result.unattributed).toEqual({ bad: 0, share: 0 });
  });

  it('no budget (no data): shares are null', () => {
    const result = attributeWeek('api', 'events', WEEK, 0, 0, []);
    expect(result.unattributed).toEqual({ bad: 0, share: null });
  });
});
