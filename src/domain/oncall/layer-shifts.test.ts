import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compileSchedule, type CompiledRotation } from './compile.js';
import { HOUR } from './instants.js';
import { handoffInstant, turnAt } from './layer-shifts.js';
import { layerShifts } from './queries.js';
import type { RotationLayer, Schedule } from './types.js';

const rotation = (over: Partial<RotationLayer> = {}): RotationLayer => ({
  id: 'primary',
  name: 'Primary',
  participants: ['ann', 'bob', 'cat'],
  rotation: { unit: 'days', length: 1 },
  handoffTime: '09:00',
  startDate: '2025-01-01',
  ...over,
});
const schedule = (timeZone: string, layer: RotationLayer): Schedule => ({ id: 's', timeZone, layers: [layer] });
const hours = (shift: { start: string; end: string }) => (Date.parse(shift.end) - Date.parse(shift.start)) / HOUR;
const local = (isoUtc: string, zone: string) => DateTime.fromISO(isoUtc, { zone }).toFormat('yyyy-MM-dd HH:mm ZZ');

describe('daily and weekly handoffs keep their local wall-clock time across DST', () => {
  it.each([
    ['hands over at 09:00 local on the New York spring-forward day (a 23 h shift)', 'America/New_York', '2025-03-08', 23],
    ['hands over at 09:00 local after New York falls back (a 25 h shift)', 'America/New_York', '2025-11-01', 25],
    ['hands over at 09:00 local on the London spring-forward day (a 23 h shift)', 'Europe/London', '2025-03-29', 23],
    ['hands over at 09:00 local after London falls back (a 25 h shift)', 'Europe/London', '2025-10-25', 25],
    ['hands over at 09:00 local across Lord Howe\'s 30-minute spring-forward (23.5 h)', 'Australia/Lord_Howe', '2025-10-04', 23.5],
    ['hands over at 09:00 local across Lord Howe\'s 30-minute fall-back (24.5 h)', 'Australia/Lord_Howe', '2025-04-05', 24.5],
    ['hands over at 09:00 in Tokyo on New York\'s change day (always 24 h)', 'Asia/Tokyo', '2025-03-08', 24],
    ['hands over at 09:00 in Tokyo during its 1950 DST (a 23 h shift)', 'Asia/Tokyo', '1950-05-06', 23],
  ])('%s', (_case, zone, dayBefore, length) => {
    const s = schedule(zone, rotation({ startDate: '1950-01-01' }));
    const start = DateTime.fromISO(`${dayBefore}T06:00`, { zone }).toUTC().toISO() as string;
    const end = DateTime.fromISO(`${dayBefore}T06:00`, { zone }).plus({ days: 3 }).toUTC().toISO() as string;
    const shifts = layerShifts(s, 'primary', start, end);
    const whole = shifts.slice(1, -1);
    expect(whole.length).toBe(2);
    expect(hours(whole[0]!)).toBe(length);
    for (const shift of whole) {
      expect(local(shift.start, zone).slice(11, 16)).toBe('09:00');
      expect(local(shift.end, zone).slice(11, 16)).toBe('09:00');
    }
  });

  it.each([
    ['a 02:30 handoff in New York happens at 03:00 EDT on spring-forward (the first instant after the gap)', 'America/New_York', '02:30', '2025-03-09', '2025-03-09T07:00:00.000Z'],
    ['a 02:30 handoff in New York happens once, at 02:30 EST, on fall-back', 'America/New_York', '02:30', '2025-11-02', '2025-11-02T07:30:00.000Z'],
    ['a 01:30 handoff in New York happens at the first 01:30 (EDT) on fall-back', 'America/New_York', '01:30', '2025-11-02', '2025-11-02T05:30:00.000Z'],
    ['a 01:30 handoff in London happens at 02:00 BST on spring-forward', 'Europe/London', '01:30', '2025-03-30', '2025-03-30T01:00:00.000Z'],
    ['a 01:30 handoff in London happens at the first 01:30 (BST) on fall-back', 'Europe/London', '01:30', '2025-10-26', '2025-10-26T00:30:00.000Z'],
    ['a 02:15 handoff on Lord Howe happens at 02:30 when clocks jump 30 minutes', 'Australia/Lord_Howe', '02:15', '2025-10-05', '2025-10-04T15:30:00.000Z'],
    ['a 01:45 handoff on Lord Howe happens at the first 01:45 (+11) when 30 minutes repeat', 'Australia/Lord_Howe', '01:45', '2025-04-06', '2025-04-05T14:45:00.000Z'],
    ['a 00:00 handoff in Santiago (DST at midnight) happens at 01:00', 'America/Santiago', '00:00', '2025-09-07', '2025-09-07T04:00:00.000Z'],
    ['a 02:30 handoff in Tokyo is plain +09:00', 'Asia/Tokyo', '02:30', '2025-03-09', '2025-03-08T17:30:00.000Z'],
  ])('%s', (_case, zone, handoffTime, day, expected) => {
    const s = schedule(zone, rotation({ handoffTime, startDate: '2025-01-01' }));
    const from = DateTime.fromISO(day, { zone }).minus({ hours: 12 }).toUTC().toISO() as string;
    const to = DateTime.fromISO(day, { zone }).plus({ hours: 36 }).toUTC().toISO() as string;
    const starts = layerShifts(s, 'primary', from, to).map((x) => x.start);
    expect(starts).toContain(expected);
  });

  it('a weekly Monday 09:00 handoff in London spans spring-forward as 7 days less an hour', () => {
    const s = schedule('Europe/London', rotation({ rotation: { unit: 'weeks', length: 1 }, startDate: '2025-01-06' }));
    const shifts = layerShifts(s, 'primary', '2025-03-24T09:00:00Z', '2025-04-07T08:00:00Z');
    expect(shifts.map((x) => [x.userId, x.start, x.end])).toEqual([
      ['cat', '2025-03-24T09:00:00.000Z', '2025-03-31T08:00:00.000Z'],
      ['ann', '2025-03-31T08:00:00.000Z', '2025-04-07T08:00:00.000Z'],
    ]);
  });

  it('a 2-day rotation hands over every other day at 09:00 and cycles through everyone', () => {
    const s = schedule('Asia/Tokyo', rotation({ rotation: { unit: 'days', length: 2 }, startDate: '2025-01-01' }));
    const shifts = layerShifts(s, 'primary', '2025-01-01T00:00:00Z', '2025-01-08T00:00:00Z');
    expect(shifts.map((x) => [x.userId, x.start])).toEqual([
      ['ann', '2025-01-01T00:00:00.000Z'],
      ['bob', '2025-01-03T00:00:00.000Z'],
      ['cat', '2025-01-05T00:00:00.000Z'],
      ['ann', '2025-01-07T00:00:00.000Z'],
    ]);
  });
});

describe('hour-based rotations count elapsed hours', () => {
  it.each([
    ['12 h shifts in New York drift from 09:00/21:00 to 10:00/22:00 after spring-forward', 'America/New_York', '2025-03-08', 12, ['09:00', '21:00', '10:00', '22:00']],
    ['12 h shifts in London drift from 09:00/21:00 to 08:00/20:00 after fall-back', 'Europe/London', '2025-10-25', 12, ['09:00', '21:00', '08:00', '20:00']],
    ['12 h shifts on Lord Howe drift by 30 minutes after spring-forward', 'Australia/Lord_Howe', '2025-10-04', 12, ['09:00', '21:00', '09:30', '21:30']],
    ['8 h shifts in Tokyo stay at 09:00/17:00/01:00', 'Asia/Tokyo', '2025-03-08', 8, ['09:00', '17:00', '01:00', '09:00']],
  ])('%s', (_case, zone, day, length, wallTimes) => {
    const s = schedule(zone, rotation({ rotation: { unit: 'hours', length }, startDate: day }));
    const from = DateTime.fromISO(`${day}T09:00`, { zone }).toUTC().toISO() as string;
    const to = DateTime.fromISO(`${day}T09:00`, { zone }).plus({ days: 2 }).toUTC().toISO() as string;
    const shifts = layerShifts(s, 'primary', from, to);
    expect(shifts.slice(0, 4).map((x) => local(x.start, zone).slice(11, 16))).toEqual(wallTimes);
    for (const shift of shifts.slice(0, -1)) expect(hours(shift)).toBe(length);
  });

  it('an hours rotation whose first handoff is in the spring gap starts when the clocks jump', () => {
    const s = schedule('America/New_York', rotation({ rotation: { unit: 'hours', length: 6 }, handoffTime: '02:30', startDate: '2025-03-09' }));
    const shifts = layerShifts(s, 'primary', '2025-03-09T00:00:00Z', '2025-03-09T20:00:00Z');
    expect(shifts.map((x) => x.start)).toEqual(['2025-03-09T07:00:00.000Z', '2025-03-09T13:00:00.000Z', '2025-03-09T19:00:00.000Z']);
  });
});

describe('turn arithmetic', () => {
  const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Tokyo'];
  const cases = zones.flatMap((zone) => [
    { zone, rotation: { unit: 'days' as const, length: 3 } },
    { zone, rotation: { unit: 'weeks' as const, length: 2 } },
    { zone, rotation: { unit: 'hours' as const, length: 7 } },
  ]);

  it.each(cases)('jumps straight to the right turn decades after the start date ($zone, $rotation.length $rotation.unit)', ({ zone, rotation: r }) => {
    const s = compileSchedule(schedule(zone, rotation({ rotation: r, startDate: '2000-02-29', participants: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] })));
    const layer = s.layers[0] as CompiledRotation;
    // Walk every handoff from the start (what the engine must not do) and compare.
    let turn = 0;
    for (const probe of ['2000-03-01T00:00:00Z', '2013-11-03T06:30:00Z', '2031-10-05T15:45:00Z', '2040-03-11T07:00:00Z']) {
      const ms = Date.parse(probe);
      while (handoffInstant(layer, s.zone, turn + 1) <= ms) turn++;
      expect(turnAt(layer, s.zone, ms)).toBe(turn);
    }
  });

  it('the turn an instant falls in starts exactly at a handoff (boundary belongs to the next turn)', () => {
    const s = compileSchedule(schedule('America/New_York', rotation()));
    const layer = s.layers[0] as CompiledRotation;
    const handoff = handoffInstant(layer, s.zone, 67);
    expect(turnAt(layer, s.zone, handoff)).toBe(67);
    expect(turnAt(layer, s.zone, handoff - 1)).toBe(66);
  });
});

describe('layer extent', () => {
  it.each([
    ['has no one before its first handoff', rotation({ startDate: '2025-06-01' }), '2025-05-31T00:00:00Z', '2025-06-01T14:00:00Z', [['ann', '2025-06-01T13:00:00.000Z', '2025-06-01T14:00:00.000Z']]],
    ['stops at its end instant', rotation({ end: '2025-06-02T12:00:00Z' }), '2025-06-02T00:00:00Z', '2025-06-03T00:00:00Z', [['bob', '2025-06-02T00:00:00.000Z', '2025-06-02T12:00:00.000Z']]],
    ['has no shifts without participants', rotation({ participants: [] }), '2025-06-02T00:00:00Z', '2025-06-03T00:00:00Z', []],
    ['a single participant\'s consecutive turns read as one shift', rotation({ participants: ['ann'] }), '2025-06-02T00:00:00Z', '2025-06-05T00:00:00Z', [
      ['ann', '2025-06-02T00:00:00.000Z', '2025-06-05T00:00:00.000Z'],
    ]],
  ])('%s', (_case, layer, from, to, expected) => {
    expect(layerShifts(schedule('America/New_York', layer), 'primary', from, to).map((x) => [x.userId, x.start, x.end])).toEqual(expected);
  });
});
