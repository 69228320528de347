// On-call figures of DESIGN.md: who is on call now over 1,000 schedules (through the use case,
// with schedules read from the database and compiled once), and a year of shifts for a
// 5-layer schedule with 200 overrides (the pure engine).
import { ManualClock } from '../../src/clock.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { onCallDuring } from '../../src/domain/oncall/queries.js';
import type { Schedule } from '../../src/domain/oncall/types.js';
import { openDatabase } from '../../src/store/database.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { createUser } from '../../src/usecases/catalog/users.js';
import { createSchedule } from '../../src/usecases/oncall/manage-schedules.js';
import { whoIsOnCall } from '../../src/usecases/oncall/who-is-on-call.js';
import type { Deps } from '../../src/usecases/deps.js';
import type { Engine } from '../../src/store/database.js';
import { migrateBenchDatabase } from './databases.js';

export const ONCALL_SCHEDULES = Number(process.env.BENCH_SCHEDULES ?? 1000);
const ZONES = ['Asia/Tokyo', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe'];
const RUNS = 30;

export interface OncallResult {
  schedules: number;
  nowP50Ms: number;
  nowMaxMs: number;
  firstCallMs: number;
  yearShifts: number;
  yearMs: number;
}

export async function measureOncall(url: string, engine: Engine): Promise<OncallResult> {
  const handle = openDatabase(url);
  await migrateBenchDatabase(handle.db, engine);
  const deps: Deps = { db: handle.db, engine, clock: new ManualClock(new Date('2026-11-28T03:00:00Z')), settings: DEFAULT_SETTINGS };
  try {
    const people: string[] = [];
    for (let i = 0; i < 20; i++) {
      people.push((await createUser(deps, { name: `Oncall ${i}`, email: `oncall-${i}@bench.example` }, SYSTEM_PRINCIPAL)).id);
    }
    for (let i = 0; i < ONCALL_SCHEDULES; i++) {
      await createSchedule(deps, {
        name: `schedule-${i}`,
        timeZone: ZONES[i % ZONES.length]!,
        layers: Array.from({ length: 1 + (i % 3) }, (_, layer) => ({
          name: `layer ${layer}`,
          participants: [0, 1, 2, 3].map((k) => people[(i + layer + k) % people.length]!),
          rotation: { unit: layer === 2 ? 'hours' : 'weeks', length: layer === 2 ? 12 : 1 },
          handoffTime: '09:00',
          startDate: '2026-01-05',
          ...(layer === 1 ? { restrictions: { kind: 'daily', from: '09:00', to: '18:00' } } : {}),
        })),
      }, SYSTEM_PRINCIPAL);
    }
    const time = async () => {
      const started = performance.now();
      const answer = await whoIsOnCall(deps, {}, SYSTEM_PRINCIPAL);
      if (answer.items.length !== ONCALL_SCHEDULES) throw new Error(`expected ${ONCALL_SCHEDULES} answers, got ${answer.items.length}`);
      return performance.now() - started;
    };
    const firstCallMs = await time();
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await time());
    runs.sort((a, b) => a - b);
    const year = yearOfShifts(people);
    return { schedules: ONCALL_SCHEDULES, nowP50Ms: runs[Math.floor(RUNS / 2)]!, nowMaxMs: runs[RUNS - 1]!, firstCallMs, ...year };
  } finally {
    await handle.db.destroy();
  }
}

function yearOfShifts(people: string[]): { yearShifts: number; yearMs: number } {
  const schedule: Schedule = {
    id: 'five-layers',
    timeZone: 'Europe/London',
    layers: Array.from({ length: 5 }, (_, layer) => ({
      id: `l${layer}`,
      name: `layer ${layer}`,
      participants: people.slice(layer, layer + 4),
      rotation: { unit: layer % 2 ? 'days' : 'weeks', length: 1 + (layer % 2) },
      handoffTime: '09:00',
      startDate: '2026-01-05',
      ...(layer === 3 ? { restrictions: { kind: 'daily' as const, from: '09:00', to: '18:00' } } : {}),
    })),
    overrides: Array.from({ length: 200 }, (_, i) => {
      const start = Date.parse('2026-01-01T00:00:00Z') + i * 43 * 3_600_000;
      return { id: `o${i}`, userId: people[i % people.length]!, start: new Date(start).toISOString(), end: new Date(start + 6 * 3_600_000).toISOString() };
    }),
  };
  const started = performance.now();
  const shifts = onCallDuring(schedule, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
  return { yearShifts: shifts.length, yearMs: performance.now() - started };
}

export function printOncall(results: { engine: string; oncall?: OncallResult; oncallSkipped?: string }[]): void {
  console.log(`\n7. On-call (through the use case; schedules read from the database, compiled once and cached)`);
  const rows = [['server', 'schedules', 'who is on call now p50', 'max', 'first call (compiles)', 'year, 5 layers + 200 overrides', 'budget']];
  for (const r of results) {
    if (!r.oncall) {
      rows.push([r.engine, '-', r.oncallSkipped ?? 'skipped', '', '', '', '']);
      continue;
    }
    const o = r.oncall;
    rows.push([
      r.engine, String(o.schedules), `${o.nowP50Ms.toFixed(1)} ms`, `${o.nowMaxMs.toFixed(1)} ms`, `${o.firstCallMs.toFixed(0)} ms`,
      `${o.yearShifts} shifts in ${o.yearMs.toFixed(1)} ms`, 'now <= 20 ms for 1,000',
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) console.log(`  ${row.map((cell, c) => cell.padEnd(widths[c]!)).join('   ')}`);
}
