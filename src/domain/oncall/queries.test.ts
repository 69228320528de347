import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { compileSchedule } from './compile.js';
import { MAX_RANGE_DAYS, nextHandoff, onCallAt, onCallDuring } from './queries.js';
import type { RotationLayer, Schedule } from './types.js';

const rota = (over: Partial<RotationLayer> = {}): RotationLayer => ({
  id: 'l',
  name: 'L',
  participants: ['ann', 'bob', 'cat'],
  rotation: { unit: 'days', length: 1 },
  handoffTime: '09:00',
  startDate: '2025-01-01',
  ...over,
});
const ny = (over: Partial<Schedule> = {}): Schedule => ({ id: 's', timeZone: 'America/New_York', layers: [rota()], ...over });

describe('onCallAt', () => {
  it.each<[string, Schedule, string | Date, string | null]>([
    ['the new person from the handoff instant itself', ny(), '2025-06-02T13:00:00Z', 'cat'],
    ['the outgoing person one millisecond before', ny(), '2025-06-02T12:59:59.999Z', 'bob'],
    ['the EDT handoff on the spring-forward day (09:00 local = 13:00Z)', ny(), '2025-03-09T13:00:00Z', 'bob'],
    ['still the outgoing person at 14:00Z that day (the winter handoff instant)', ny(), '2025-03-09T12:59:00Z', 'ann'],
    ['an instant with an offset is read exactly', ny(), '2025-06-02T09:00:00-04:00', 'cat'],
    ['a Date works as well as a string', ny(), new Date('2025-06-02T13:00:00Z'), 'cat'],
    ['the override covering the instant', ny({ overrides: [{ id: 'o', userId: 'eve', start: '2025-06-02T12:00:00Z', end: '2025-06-02T14:00:00Z' }] }), '2025-06-02T13:30:00Z', 'eve'],
    ['not the override at its (exclusive) end', ny({ overrides: [{ id: 'o', userId: 'eve', start: '2025-06-02T12:00:00Z', end: '2025-06-02T14:00:00Z' }] }), '2025-06-02T14:00:00Z', 'cat'],
    ['no one before the first layer starts', ny(), '2024-12-31T23:00:00Z', null],
    ['no one outside a restriction window', ny({ layers: [rota({ restrictions: { kind: 'daily', from: '09:00', to: '17:00' } })] }), '2025-06-02T22:00:00Z', null],
    ['the top layer where it has someone', ny({ layers: [rota(), rota({ id: 'top', participants: ['zed'] })] }), '2025-06-02T22:00:00Z', 'zed'],
    ['decades after the start date, without walking there', ny({ layers: [rota({ startDate: '1990-01-01' })] }), '2060-06-02T13:00:00Z', expectedTurn('1990-01-01', '2060-06-02')],
  ])('%s', (_case, schedule, at, expected) => {
    expect(onCallAt(schedule, at)?.userId ?? null).toBe(expected);
  });

  it('answers the same from a compiled schedule, with the source', () => {
    const compiled = compileSchedule(ny());
    expect(onCallAt(compiled, '2025-06-02T13:00:00Z')).toEqual({ userId: 'cat', source: { layerId: 'l' } });
  });

  it.each<[string, () => unknown, string]>([
    ['a time without an offset (it would mean the server zone)', () => onCallAt(ny(), '2025-06-02T13:00:00'), 'at'],
    ['a date alone', () => onCallAt(ny(), '2025-06-02'), 'at'],
    ['an invalid Date', () => onCallAt(ny(), new Date('nope')), 'at'],
    ['an unknown zone', () => onCallAt(ny({ timeZone: 'Mars/Base' }), '2025-06-02T13:00:00Z'), 'timeZone'],
    ['a bad handoff time', () => onCallAt(ny({ layers: [rota({ handoffTime: '9am' })] }), '2025-06-02T13:00:00Z'), 'layers[0].handoffTime'],
    ['a range that ends before it starts', () => onCallDuring(ny(), '2025-06-02T00:00:00Z', '2025-06-01T00:00:00Z'), 'to'],
    [`a range longer than ${MAX_RANGE_DAYS} days`, () => onCallDuring(ny(), '2025-01-01T00:00:00Z', '2028-01-01T00:00:00Z'), 'to'],
  ])('refuses %s with a ValidationError naming the field', (_case, run, field) => {
    expect(run).toThrowError(ValidationError);
    try {
      run();
    } catch (error) {
      expect((error as ValidationError).field).toBe(field);
    }
  });
});

/** Who the 3-person daily rotation gives on `day` after 09:00, counting days the slow way. */
function expectedTurn(start: string, day: string): string {
  const days = Math.round((Date.parse(day) - Date.parse(start)) / 86_400_000);
  return ['ann', 'bob', 'cat'][days % 3] as string;
}

describe('onCallDuring', () => {
  it('an empty range has no shifts', () => {
    expect(onCallDuring(ny(), '2025-06-02T00:00:00Z', '2025-06-02T00:00:00Z')).toEqual([]);
  });

  it('clips the first and last shift to the range', () => {
    expect(onCallDuring(ny(), '2025-06-02T12:00:00Z', '2025-06-03T14:00:00Z').map((s) => [s.userId, s.start, s.end])).toEqual([
      ['bob', '2025-06-02T12:00:00.000Z', '2025-06-02T13:00:00.000Z'],
      ['cat', '2025-06-02T13:00:00.000Z', '2025-06-03T13:00:00.000Z'],
      ['ann', '2025-06-03T13:00:00.000Z', '2025-06-03T14:00:00.000Z'],
    ]);
  });
});

describe('nextHandoff', () => {
  it.each<[string, Schedule, string, { at: string; from: string | null; to: string | null } | null]>([
    ['the next daily handoff', ny(), '2025-06-02T10:00:00Z', { at: '2025-06-02T13:00:00.000Z', from: 'bob', to: 'cat' }],
    ['strictly after: asked at a handoff, the one after it', ny(), '2025-06-02T13:00:00Z', { at: '2025-06-03T13:00:00.000Z', from: 'cat', to: 'ann' }],
    ['at 09:00 EDT across spring-forward (13:00Z, not 14:00Z)', ny(), '2025-03-08T15:00:00Z', { at: '2025-03-09T13:00:00.000Z', from: 'ann', to: 'bob' }],
    ['skips a turn the same person takes again', ny({ layers: [rota({ participants: ['ann', 'ann', 'bob'] })] }), '2025-01-01T15:00:00Z', { at: '2025-01-03T14:00:00.000Z', from: 'ann', to: 'bob' }],
    ['an override starting counts', ny({ overrides: [{ id: 'o', userId: 'eve', start: '2025-06-02T10:00:00Z', end: '2025-06-02T11:00:00Z' }] }), '2025-06-02T09:00:00Z', { at: '2025-06-02T10:00:00.000Z', from: 'bob', to: 'eve' }],
    ['the start of a gap hands over to no one', ny({ layers: [rota({ restrictions: { kind: 'daily', from: '09:00', to: '17:00' } })] }), '2025-06-02T14:00:00Z', { at: '2025-06-02T21:00:00.000Z', from: 'cat', to: null }],
    ['the end of a gap hands over from no one', ny({ layers: [rota({ restrictions: { kind: 'daily', from: '09:00', to: '17:00' } })] }), '2025-06-02T22:00:00Z', { at: '2025-06-03T13:00:00.000Z', from: null, to: 'ann' }],
    ['found weeks ahead for a long rotation', ny({ layers: [rota({ rotation: { unit: 'weeks', length: 4 } })] }), '2025-01-02T00:00:00Z', { at: '2025-01-29T14:00:00.000Z', from: 'ann', to: 'bob' }],
    ['none when one person is always on call', ny({ layers: [rota({ participants: ['ann'] })] }), '2025-06-02T10:00:00Z', null],
    ['none for a schedule with no layers', ny({ layers: [] }), '2025-06-02T10:00:00Z', null],
  ])('%s', (_case, schedule, after, expected) => {
    expect(nextHandoff(schedule, after)).toEqual(expected);
  });

  it('honours a shorter horizon', () => {
    const weekly = ny({ layers: [rota({ rotation: { unit: 'weeks', length: 4 } })] });
    expect(nextHandoff(weekly, '2025-01-02T00:00:00Z', { horizonDays: 7 })).toBeNull();
  });
});

describe('compiled schedules', () => {
  it('a plain object claiming to be compiled is still validated', () => {
    const forged = { ...ny({ timeZone: 'Mars/Base' }), compiled: true } as unknown as Schedule;
    expect(() => onCallAt(forged, '2025-06-02T13:00:00Z')).toThrowError(ValidationError);
  });
});
