import { describe, expect, it } from 'vitest';
import type { RotationLayer, Schedule } from './types.js';
import { scheduleProblems } from './validate.js';

const valid: Schedule = {
  id: 's',
  timeZone: 'Europe/London',
  layers: [{ id: 'l', name: 'L', participants: ['ann'], rotation: { unit: 'days', length: 1 }, handoffTime: '09:00', startDate: '2025-01-01' }],
  overrides: [{ id: 'o', userId: 'eve', start: '2025-01-02T09:00:00Z', end: '2025-01-02T10:00:00Z' }],
};
const layer0 = valid.layers[0] as RotationLayer;

describe('scheduleProblems', () => {
  it('finds nothing wrong with a valid schedule', () => {
    expect(scheduleProblems(valid)).toEqual([]);
  });

  it.each<[string, Partial<Schedule>, string]>([
    ['an unknown zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['a zero-length rotation', { layers: [{ ...layer0, rotation: { unit: 'days', length: 0 } }] }, 'layers[0].rotation.length'],
    ['a fractional rotation', { layers: [{ ...layer0, rotation: { unit: 'hours', length: 1.5 } }] }, 'layers[0].rotation.length'],
    ['a rotation longer than a year', { layers: [{ ...layer0, rotation: { unit: 'weeks', length: 53 } }] }, 'layers[0].rotation.length'],
    ['a monthly unit (not supported yet)', { layers: [{ ...layer0, rotation: { unit: 'months' as 'days', length: 1 } }] }, 'layers[0].rotation.unit'],
    ['a handoff time with seconds', { layers: [{ ...layer0, handoffTime: '09:00:00' }] }, 'layers[0].handoffTime'],
    ['a start date that does not exist', { layers: [{ ...layer0, startDate: '2025-02-29' }] }, 'layers[0].startDate'],
    ['an empty participant id', { layers: [{ ...layer0, participants: ['ann', ''] }] }, 'layers[0].participants'],
    ['a repeated layer id', { layers: [layer0, layer0] }, 'layers[1].id'],
    ['a daily restriction with a bad time', { layers: [{ ...layer0, restrictions: { kind: 'daily', from: '9', to: '17:00' } }] }, 'layers[0].restrictions.from'],
    ['a weekly window on day 8', { layers: [{ ...layer0, restrictions: { kind: 'weekly', windows: [{ fromDay: 8 as 1, from: '09:00', toDay: 1, to: '10:00' }] } }] }, 'layers[0].restrictions.windows[0].fromDay'],
    ['a weekly restriction with no windows', { layers: [{ ...layer0, restrictions: { kind: 'weekly', windows: [] } }] }, 'layers[0].restrictions.windows'],
    ['an override ending before it starts', { overrides: [{ id: 'o', userId: 'eve', start: '2025-01-02T10:00:00Z', end: '2025-01-02T09:00:00Z' }] }, 'overrides[0].end'],
    ['an override time without an offset', { overrides: [{ id: 'o', userId: 'eve', start: '2025-01-02T09:00', end: '2025-01-02T10:00:00Z' }] }, 'overrides[0].start'],
    ['a repeated override id', { overrides: [valid.overrides![0]!, valid.overrides![0]!] }, 'overrides[1].id'],
    ['an explicit shift ending where it starts', { layers: [{ kind: 'explicit', id: 'x', name: 'X', shifts: [{ userId: 'a', start: '2025-01-02T09:00:00Z', end: '2025-01-02T09:00:00Z' }] }] }, 'layers[0].shifts[0].end'],
  ])('names the field for %s', (_case, change, field) => {
    expect(scheduleProblems({ ...valid, ...change }).map((p) => p.field)).toContain(field);
  });
});
