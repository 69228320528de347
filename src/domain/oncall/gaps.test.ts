import { describe, expect, it } from 'vitest';
import { findGaps } from './gaps.js';
import { coverageDuring } from './queries.js';
import type { RotationLayer, Schedule, Shift } from './types.js';

const rota = (over: Partial<RotationLayer> = {}): RotationLayer => ({
  id: 'l',
  name: 'L',
  participants: ['ann', 'bob'],
  rotation: { unit: 'days', length: 1 },
  handoffTime: '09:00',
  startDate: '2025-06-01',
  ...over,
});
const hhmm = (g: { start: string; end: string }) => `${g.start.slice(5, 16)}→${g.end.slice(5, 16)}`;

describe('gaps are reported, never silent', () => {
  it.each<[string, Partial<Schedule>, string, string, string[]]>([
    ['an unrestricted rotation has none', { layers: [rota()] }, '2025-06-02T00:00:00Z', '2025-06-09T00:00:00Z', []],
    ['a restricted layer leaves the nights uncovered', { layers: [rota({ restrictions: { kind: 'daily', from: '09:00', to: '17:00' } })] }, '2025-06-02T00:00:00Z', '2025-06-03T12:00:00Z', [
      '06-02T00:00→06-02T09:00',
      '06-02T17:00→06-03T09:00',
    ]],
    ['a layer that starts later leaves the time before it', { layers: [rota({ startDate: '2025-06-03' })] }, '2025-06-02T00:00:00Z', '2025-06-04T00:00:00Z', ['06-02T00:00→06-03T09:00']],
    ['a layer with no participants leaves the whole window', { layers: [rota({ participants: [] })] }, '2025-06-02T00:00:00Z', '2025-06-03T00:00:00Z', ['06-02T00:00→06-03T00:00']],
    ['a schedule with no layers is one gap', { layers: [] }, '2025-06-02T00:00:00Z', '2025-06-03T00:00:00Z', ['06-02T00:00→06-03T00:00']],
    ['an override fills part of a gap', {
      layers: [rota({ restrictions: { kind: 'daily', from: '09:00', to: '17:00' } })],
      overrides: [{ id: 'o', userId: 'eve', start: '2025-06-02T17:00:00Z', end: '2025-06-02T20:00:00Z' }],
    }, '2025-06-02T09:00:00Z', '2025-06-03T09:00:00Z', ['06-02T20:00→06-03T09:00']],
  ])('%s', (_case, schedule, from, to, expected) => {
    const { shifts, gaps } = coverageDuring({ id: 's', timeZone: 'UTC', layers: [], ...schedule }, from, to);
    expect(gaps.map(hhmm)).toEqual(expected);
    // Shifts and gaps together tile the window exactly.
    const pieces = [...shifts, ...gaps].sort((a, b) => a.start.localeCompare(b.start));
    expect(pieces[0]?.start).toBe(new Date(from).toISOString());
    expect(pieces.at(-1)?.end).toBe(new Date(to).toISOString());
    pieces.slice(1).forEach((p, i) => expect(p.start).toBe(pieces[i]?.end));
  });
});

describe('findGaps on any list of shifts', () => {
  const shift = (start: string, end: string): Shift => ({ userId: 'x', start: `2025-06-02T${start}:00Z`, end: `2025-06-02T${end}:00Z`, source: { layerId: 'l' } });
  it.each([
    ['unsorted shifts', [shift('12:00', '14:00'), shift('08:00', '10:00')], ['06-02T10:00→06-02T12:00', '06-02T14:00→06-02T18:00']],
    ['overlapping shifts leave no gap between them', [shift('08:00', '12:00'), shift('10:00', '18:00')], []],
    ['a shift nested in another', [shift('08:00', '18:00'), shift('09:00', '10:00')], []],
    ['touching shifts leave no zero-length gap', [shift('08:00', '12:00'), shift('12:00', '18:00')], []],
    ['no shifts at all', [], ['06-02T08:00→06-02T18:00']],
  ])('%s', (_case, shifts, expected) => {
    expect(findGaps(shifts, '2025-06-02T08:00:00Z', '2025-06-02T18:00:00Z').map(hhmm)).toEqual(expected);
  });
});
