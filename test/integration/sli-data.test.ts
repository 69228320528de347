import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SloDefinition } from '../../src/domain/slo/definition.js';
import { HOUR_MS, MINUTE_MS } from '../../src/domain/slo/types.js';
import { clearGaps, deleteMinutesBefore, listGaps, listMinutes, listRollups, recordGap, sumRollups, writeMinutes } from '../../src/store/repositories/sli-data.js';
import { listSlos, upsertSlo } from '../../src/store/repositories/slos.js';
import { createService } from '../../src/usecases/catalog/services.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { engines } from '../helpers/databases.js';

const T0 = Date.parse('2026-11-20T00:00:00Z');
const slo = (id: string, budgeting: SloDefinition['budgeting']): SloDefinition => ({
  id,
  service: 'checkout',
  name: id,
  description: '',
  objective: 0.99,
  window: { kind: 'rolling', days: 30 },
  budgeting,
  indicator: { type: 'ratio' },
  source: { kind: 'push' },
});

describe.each(engines)('SLI data store (%s)', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(engine);
    const service = await createService(t.deps, { name: 'checkout' }, SYSTEM_PRINCIPAL);
    for (const definition of [slo('events', { kind: 'occurrences' }), slo('slices', { kind: 'timeslices', sliceTarget: 0.9 })]) {
      await upsertSlo(t.deps.db, { definition, serviceId: service.id, origin: 'api', file: null, createdAt: '2026-11-20T00:00:00.000Z', updatedAt: '2026-11-20T00:00:00.000Z' });
    }
  });
  afterEach(() => t.close());

  it('writes minutes idempotently and keeps hour and day roll-ups equal to their minutes', async () => {
    const db = t.deps.db;
    const events = { id: 'events', budgeting: { kind: 'occurrences' } as const };
    // 23:59 on the 19th, then 00:00 and 00:01 and 01:30 on the 20th.
    const buckets = [
      { start: T0 - MINUTE_MS, good: 90, total: 100 },
      { start: T0, good: 100, total: 100 },
      { start: T0 + MINUTE_MS, good: 50, total: 100 },
      { start: T0 + 90 * MINUTE_MS, good: 10, total: 10 },
    ];
    await writeMinutes(db, events, buckets, 'push', '2026-11-20T02:00:00.000Z');
    // The same minute again replaces it (not added to it).
    await writeMinutes(db, events, [{ start: T0 + MINUTE_MS, good: 80, total: 100 }], 'push', '2026-11-20T02:00:00.000Z');

    expect(await listMinutes(db, 'events', { start: T0, end: T0 + HOUR_MS })).toEqual([
      { start: T0, good: 100, total: 100 },
      { start: T0 + MINUTE_MS, good: 80, total: 100 },
    ]);
    expect(await listRollups(db, 'events', 'hour', { start: T0 - HOUR_MS, end: T0 + 2 * HOUR_MS })).toEqual([
      { start: T0 - HOUR_MS, good: 90, total: 100, bad: 10, minutesWithData: 1 },
      { start: T0, good: 180, total: 200, bad: 20, minutesWithData: 2 },
      { start: T0 + HOUR_MS, good: 10, total: 10, bad: 0, minutesWithData: 1 },
    ]);
    expect(await listRollups(db, 'events', 'day', { start: T0 - 24 * HOUR_MS, end: T0 + 24 * HOUR_MS })).toEqual([
      { start: T0 - 24 * HOUR_MS, good: 90, total: 100, bad: 10, minutesWithData: 1 },
      { start: T0, good: 190, total: 210, bad: 20, minutesWithData: 3 },
    ]);
    // A span with a whole day, an hour and edge minutes adds up to the same as the minutes.
    const sums = await sumRollups(db, ['events', 'slices'], { start: T0 - MINUTE_MS, end: T0 + 24 * HOUR_MS + HOUR_MS });
    expect(sums.get('events')).toEqual({ good: 280, total: 310, bad: 30, minutesWithData: 4 });
    expect(sums.get('slices')).toEqual({ good: 0, total: 0, bad: 0, minutesWithData: 0 });
  });

  it('counts a timeslices minute bad when its ratio misses the slice target', async () => {
    const db = t.deps.db;
    await writeMinutes(db, { id: 'slices', budgeting: { kind: 'timeslices', sliceTarget: 0.9 } }, [
      { start: T0, good: 89, total: 100 },
      { start: T0 + MINUTE_MS, good: 90, total: 100 },
      { start: T0 + 2 * MINUTE_MS, good: 0, total: 0 },
    ], 'push', '2026-11-20T02:00:00.000Z');
    expect(await listRollups(db, 'slices', 'hour', { start: T0, end: T0 + HOUR_MS })).toEqual([
      { start: T0, good: 179, total: 200, bad: 1, minutesWithData: 3 },
    ]);
    expect((await sumRollups(db, ['slices'], { start: T0, end: T0 + 2 * MINUTE_MS })).get('slices')).toEqual({ good: 179, total: 200, bad: 1, minutesWithData: 2 });
  });

  it('records, widens and clears gaps; purges old minutes but keeps roll-ups', async () => {
    const db = t.deps.db;
    await recordGap(db, 'events', { start: T0, end: T0 + 5 * MINUTE_MS, reason: 'prometheus_down' }, '2026-11-20T00:05:00.000Z');
    await recordGap(db, 'events', { start: T0, end: T0 + 10 * MINUTE_MS, reason: 'timeout', detail: 'after 5 s' }, '2026-11-20T00:10:00.000Z');
    expect(await listGaps(db, 'events', { start: T0, end: T0 + HOUR_MS })).toEqual([
      { start: T0, end: T0 + 10 * MINUTE_MS, reason: 'timeout', detail: 'after 5 s', at: '2026-11-20T00:10:00.000Z' },
    ]);
    await clearGaps(db, 'events', { start: T0 + 2 * MINUTE_MS, end: T0 + 4 * MINUTE_MS });
    expect((await listGaps(db, 'events', { start: T0, end: T0 + HOUR_MS })).map((g) => [g.start - T0, g.end - T0])).toEqual([
      [0, 2 * MINUTE_MS],
      [4 * MINUTE_MS, 10 * MINUTE_MS],
    ]);

    await writeMinutes(db, { id: 'events', budgeting: { kind: 'occurrences' } }, [{ start: T0, good: 1, total: 2 }, { start: T0 + MINUTE_MS, good: 2, total: 2 }], 'push', '2026-11-20T00:10:00.000Z');
    expect(await deleteMinutesBefore(db, T0 + MINUTE_MS, 1_000)).toBe(1);
    expect(await listMinutes(db, 'events', { start: T0, end: T0 + HOUR_MS })).toHaveLength(1);
    expect(await listRollups(db, 'events', 'hour', { start: T0, end: T0 + HOUR_MS })).toEqual([{ start: T0, good: 3, total: 4, bad: 1, minutesWithData: 2 }]);
    expect((await listSlos(db)).map((s) => s.definition.id)).toEqual(['events', 'slices']);
  });
});
