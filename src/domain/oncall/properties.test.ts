import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compileSchedule } from './compile.js';
import { coverageDuring, onCallAt, onCallDuring } from './queries.js';
import type { Layer, Override, Rotation, Schedule, Shift } from './types.js';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Tokyo', 'America/Santiago'];
const ROTATIONS: [Rotation, string][] = [
  [{ unit: 'days', length: 1 }, '09:00'],
  [{ unit: 'weeks', length: 1 }, '02:30'], // inside the spring gap in New York and Europe
  [{ unit: 'days', length: 3 }, '01:30'], // repeated on fall-back in New York
  [{ unit: 'days', length: 1 }, '02:15'], // inside Lord Howe's 30-minute gap
  [{ unit: 'hours', length: 12 }, '09:00'],
  [{ unit: 'hours', length: 5 }, '00:00'],
];
const YEAR = ['2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'] as const;
const ms = (iso: string) => Date.parse(iso);

function shiftAt(shifts: Shift[], t: number): Shift[] {
  return shifts.filter((s) => ms(s.start) <= t && t < ms(s.end));
}

describe.each(ZONES)('a year of one unrestricted rotation in %s', (zone) => {
  it.each(ROTATIONS.map(([rotation, handoffTime]) => ({ rotation, handoffTime, label: `${rotation.length} ${rotation.unit} at ${handoffTime}` })))(
    '$label: no overlaps, no gaps, handoffs at the local time, every instant has exactly one person',
    ({ rotation, handoffTime }) => {
      const layer: Layer = { id: 'l', name: 'L', participants: ['a', 'b', 'c', 'd'], rotation, handoffTime, startDate: '2024-12-01' };
      const schedule = compileSchedule({ id: 's', timeZone: zone, layers: [layer] });
      const { shifts, gaps } = coverageDuring(schedule, ...YEAR);

      expect(gaps).toEqual([]);
      expect(shifts[0]?.start).toBe('2025-01-01T00:00:00.000Z');
      expect(shifts.at(-1)?.end).toBe('2026-01-01T00:00:00.000Z');
      // Collect violations and assert once: readable failures, and fast.
      const wrong: string[] = [];
      shifts.forEach((s, i) => {
        const prev = shifts[i - 1];
        if (ms(s.end) <= ms(s.start)) wrong.push(`empty ${s.start}`);
        if (prev && s.start !== prev.end) wrong.push(`overlap or gap at ${s.start}`);
        if (prev && s.userId === prev.userId) wrong.push(`same person either side of ${s.start}`); // four people rotate
      });

      if (rotation.unit !== 'hours') {
        for (const s of shifts.slice(1)) {
          const local = DateTime.fromISO(s.start, { zone });
          const exists = DateTime.fromISO(`${local.toISODate()}T${handoffTime}`, { zone }).toFormat('HH:mm') === handoffTime;
          // The handoff is at its wall time, or (where that time does not exist) the moment the clocks jump.
          if (exists ? local.toFormat('HH:mm') !== handoffTime : local.offset === local.minus({ milliseconds: 1 }).offset) wrong.push(`handoff at ${local.toISO()}`);
        }
      } else {
        for (const s of shifts.slice(1, -1)) if (ms(s.end) - ms(s.start) !== rotation.length * 3_600_000) wrong.push(`length at ${s.start}`);
      }

      const next = random(zone.length * 31 + rotation.length);
      for (let i = 0; i < 300; i++) {
        const t = ms(YEAR[0]) + Math.floor(next() * (ms(YEAR[1]) - ms(YEAR[0])));
        const covering = shiftAt(shifts, t);
        if (covering.length !== 1 || onCallAt(schedule, new Date(t))?.userId !== covering[0]?.userId) wrong.push(`instant ${new Date(t).toISOString()}`);
      }
      for (const s of shifts.slice(1)) {
        if (onCallAt(schedule, s.start)?.userId !== s.userId) wrong.push(`at handoff ${s.start}`);
        if (onCallAt(schedule, new Date(ms(s.start) - 1))?.userId === s.userId) wrong.push(`before handoff ${s.start}`);
      }
      expect(wrong).toEqual([]);
    },
  );
});

function randomSchedule(zone: string, seed: number): Schedule {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const people = ['a', 'b', 'c', 'd', 'e', 'f'];
  const layers: Layer[] = Array.from({ length: 3 }, (_, i) => {
    const [rotation, handoffTime] = pick(ROTATIONS);
    return {
      id: `l${i}`,
      name: `L${i}`,
      participants: people.filter(() => next() < 0.5),
      rotation,
      handoffTime,
      startDate: pick(['2024-11-30', '2025-03-09', '2025-10-05']),
      ...(i > 0 && next() < 0.7
        ? { restrictions: next() < 0.5 ? { kind: 'daily' as const, from: pick(['08:00', '02:30', '18:00']), to: pick(['17:00', '01:45', '09:00']) } : { kind: 'weekly' as const, windows: [{ fromDay: 5 as const, from: '18:00', toDay: 1 as const, to: '09:00' }] } }
        : {}),
    };
  });
  const overrides: Override[] = Array.from({ length: 40 }, (_, i) => {
    const start = ms(YEAR[0]) + Math.floor(next() * 360) * 86_400_000 + Math.floor(next() * 96) * 900_000;
    return { id: `o${i}`, userId: pick(people), start: new Date(start).toISOString(), end: new Date(start + (1 + Math.floor(next() * 72)) * 3_600_000).toISOString() };
  });
  return { id: `s${seed}`, timeZone: zone, layers, overrides };
}

describe.each(ZONES)('a year of a random 3-layer schedule with 40 overrides in %s', (zone) => {
  it.each([1, 2, 3])('seed %i: final shifts never overlap and every instant agrees with onCallAt', (seed) => {
    const schedule = compileSchedule(randomSchedule(zone, seed * 7919 + zone.length));
    const { shifts, gaps } = coverageDuring(schedule, ...YEAR);
    const pieces = [...shifts, ...gaps].sort((a, b) => ms(a.start) - ms(b.start));
    const wrong: string[] = [];
    pieces.forEach((p, i) => {
      if (ms(p.end) <= ms(p.start)) wrong.push(`empty ${p.start}`);
      if (i > 0 && p.start !== pieces[i - 1]?.end) wrong.push(`shifts and gaps do not tile the year at ${p.start}`);
    });
    shifts.slice(1).forEach((s, i) => {
      const prev = shifts[i] as Shift;
      const same = prev.end === s.start && prev.userId === s.userId && JSON.stringify(prev.source) === JSON.stringify(s.source);
      if (same) wrong.push(`not joined at ${s.start}`);
    });
    const next = random(seed);
    for (let i = 0; i < 300; i++) {
      const t = ms(YEAR[0]) + Math.floor(next() * (ms(YEAR[1]) - ms(YEAR[0])));
      const covering = shiftAt(shifts, t);
      if (covering.length > 1 || (onCallAt(schedule, new Date(t))?.userId ?? null) !== (covering[0]?.userId ?? null)) wrong.push(`instant ${new Date(t).toISOString()}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a year computed month by month equals the year computed at once', () => {
    const schedule = compileSchedule(randomSchedule(zone, 99));
    const whole = onCallDuring(schedule, ...YEAR);
    const pieces: Shift[] = [];
    for (let m = 0; m < 12; m++) {
      for (const s of onCallDuring(schedule, new Date(Date.UTC(2025, m, 1)), new Date(Date.UTC(2025, m + 1, 1)))) {
        const last = pieces.at(-1);
        if (last && last.end === s.start && last.userId === s.userId && JSON.stringify(last.source) === JSON.stringify(s.source)) last.end = s.end;
        else pieces.push({ ...s });
      }
    }
    expect(pieces).toEqual(whole);
  });
});
