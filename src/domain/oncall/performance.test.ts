import { describe, expect, it } from 'vitest';
import { compileSchedule } from './compile.js';
import { onCallAt, onCallDuring } from './queries.js';
import type { Layer, Override, Schedule } from './types.js';

// Generous ceilings (about 10x what a laptop measures) so these never flake; they catch
// an accidental walk from the start date or a quadratic merge, not small regressions.
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Tokyo', 'UTC'];

function schedule(i: number, layerCount: number, overrideCount: number): Schedule {
  const layers: Layer[] = Array.from({ length: layerCount }, (_, l) => ({
    id: `l${l}`,
    name: `Layer ${l}`,
    participants: Array.from({ length: 3 + ((i + l) % 5) }, (_, p) => `u${(i * 7 + p) % 500}`),
    rotation: [{ unit: 'weeks', length: 1 } as const, { unit: 'days', length: 1 } as const, { unit: 'hours', length: 12 } as const][(i + l) % 3]!,
    handoffTime: ['09:00', '10:30', '02:30'][l % 3]!,
    startDate: '2019-03-04',
    ...(l % 2 === 1 ? { restrictions: { kind: 'daily' as const, from: '09:00', to: '18:00' } } : {}),
  }));
  const overrides: Override[] = Array.from({ length: overrideCount }, (_, o) => {
    const start = Date.UTC(2025, 0, 1) + o * 43 * 3_600_000;
    return { id: `o${o}`, userId: `u${o % 50}`, start: new Date(start).toISOString(), end: new Date(start + 5 * 3_600_000).toISOString() };
  });
  return { id: `s${i}`, timeZone: ZONES[i % ZONES.length]!, layers, overrides };
}

function timed(run: () => void): number {
  run(); // warm up: module JIT and the zone-offset cache
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

describe('performance (generous ceilings)', () => {
  const schedules = Array.from({ length: 1000 }, (_, i) => schedule(i, 1 + (i % 3), 5));
  const now = new Date('2025-06-02T13:37:00Z');

  it('who is on call now across 1,000 compiled schedules takes under 200 ms', () => {
    const compiled = schedules.map((s) => compileSchedule(s));
    const ms = timed(() => {
      for (const s of compiled) onCallAt(s, now);
    });
    expect(ms).toBeLessThan(200);
  });

  it('who is on call now across 1,000 schedules straight from storage (compiled per call) takes under 400 ms', () => {
    const ms = timed(() => {
      for (const s of schedules) onCallAt(s, now);
    });
    expect(ms).toBeLessThan(400);
  });

  it('a year of final shifts for a 5-layer schedule with 200 overrides takes under 1,500 ms', () => {
    const big = compileSchedule(schedule(1, 5, 200));
    let count = 0;
    const ms = timed(() => {
      count = onCallDuring(big, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z').length;
    });
    expect(count).toBeGreaterThan(365);
    expect(ms).toBeLessThan(1500);
  });
});
