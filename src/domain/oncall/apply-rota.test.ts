import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { applyRota, subtract } from './apply-rota.js';
import { onCallAt } from './queries.js';
import type { RotaShift } from './rota-csv.js';
import type { Layer, Override } from './types.js';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T14:00:00.000Z`;
const rota = (...rows: [number, string, ('primary' | 'secondary')?][]): RotaShift[] =>
  rows.map(([d, userId, role = 'primary'], i) => ({ role, userId, start: day(d), end: day(d + 1), line: i + 2 }));
const ids = () => {
  let n = 0;
  return () => `n${++n}`;
};
const rotation: Layer = { id: 'weekly', name: 'Weekly', participants: ['zed'], rotation: { unit: 'weeks', length: 1 }, handoffTime: '09:00', startDate: '2026-01-05' };
const manual: Override = { id: 'swap', userId: 'max', start: day(3), end: day(4) };

describe('applyRota', () => {
  it('as overrides: one per run of a person, above the layers, hand-made overrides kept below', () => {
    const result = applyRota({ layers: [rotation], overrides: [manual] }, rota([1, 'ann'], [2, 'ann'], [3, 'bob'], [3, 'cat', 'secondary']), { mode: 'overrides', role: 'primary', newId: ids() });
    expect(result.overrides).toEqual([
      manual,
      { id: 'rota-n1', userId: 'ann', start: day(1), end: day(3) },
      { id: 'rota-n2', userId: 'bob', start: day(3), end: day(4) },
    ]);
    expect(result).toMatchObject({ layers: [rotation], applied: 3, replaced: 0 });
    const schedule = { id: 's', timeZone: 'America/New_York', layers: result.layers, overrides: result.overrides };
    expect(onCallAt(schedule, '2026-11-03T20:00:00Z')?.userId).toBe('bob');
    expect(onCallAt(schedule, '2026-11-10T20:00:00Z')?.userId).toBe('zed');
  });

  it('re-importing an edited month replaces earlier imported overrides only where the new rota has someone', () => {
    const first = applyRota({ layers: [], overrides: [manual] }, rota([1, 'ann'], [2, 'ann'], [3, 'ann']), { mode: 'overrides', role: 'primary', newId: ids() });
    const next = ids();
    const again = applyRota(first, rota([2, 'bob']), { mode: 'overrides', role: 'primary', newId: () => `x${next()}` });
    expect(again.overrides).toEqual([
      manual,
      { id: 'rota-n1', userId: 'ann', start: day(1), end: day(2) },
      { id: 'rota-xn1', userId: 'ann', start: day(3), end: day(4) },
      { id: 'rota-xn2', userId: 'bob', start: day(2), end: day(3) },
    ]);
    expect(again.replaced).toBe(1);
  });

  it('as a layer: a new explicit layer on top, then merged on the next import', () => {
    const first = applyRota({ layers: [rotation], overrides: [] }, rota([1, 'ann'], [2, 'bob']), { mode: 'layer', role: 'primary', newId: ids() });
    expect(first.layers.map((l) => l.id)).toEqual(['weekly', 'rota-primary']);
    const second = applyRota(first, rota([2, 'cat'], [3, 'cat']), { mode: 'layer', role: 'primary', newId: ids() });
    expect(second.layers[1]).toEqual({
      kind: 'explicit',
      id: 'rota-primary',
      name: 'Spreadsheet rota (primary)',
      shifts: [
        { userId: 'ann', start: day(1), end: day(2) },
        { userId: 'cat', start: day(2), end: day(4) },
      ],
    });
    expect(second.replaced).toBe(1);
  });

  it('the secondary role goes to its own layer', () => {
    const result = applyRota({ layers: [], overrides: [] }, rota([1, 'ann'], [1, 'bob', 'secondary']), { mode: 'layer', role: 'secondary', newId: ids() });
    expect(result.layers).toEqual([{ kind: 'explicit', id: 'rota-secondary', name: 'Spreadsheet rota (secondary)', shifts: [{ userId: 'bob', start: day(1), end: day(2) }] }]);
    expect(result.applied).toBe(1);
  });

  it('refuses to overwrite a rotation layer that happens to be named rota-primary', () => {
    const clash: Layer = { ...rotation, id: 'rota-primary' };
    expect(() => applyRota({ layers: [clash], overrides: [] }, rota([1, 'ann']), { mode: 'layer', role: 'primary', newId: ids() })).toThrowError(ValidationError);
  });
});

describe('subtract', () => {
  it.each<[string, [number, number], [number, number][], [number, number][]]>([
    ['no hole', [0, 10], [], [[0, 10]]],
    ['a hole in the middle splits', [0, 10], [[3, 5]], [[0, 3], [5, 10]]],
    ['touching holes leave nothing between', [0, 10], [[0, 5], [5, 10]], []],
    ['a hole outside changes nothing', [0, 10], [[10, 20]], [[0, 10]]],
    ['overlapping an edge trims it', [0, 10], [[-5, 2], [8, 12]], [[2, 8]]],
  ])('%s', (_case, span, holes, expected) => {
    expect(subtract(span, holes)).toEqual(expected);
  });
});
