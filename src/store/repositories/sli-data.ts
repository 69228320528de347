import { badIn, EMPTY_TOTALS, rollUp, type Totals } from '../../domain/slo/buckets.js';
import type { SloDefinition } from '../../domain/slo/definition.js';
import { floorTo, splitForRollups } from '../../domain/slo/rollup-spans.js';
import { DAY_MS, HOUR_MS, type Budgeting, type MinuteBucket, type Span } from '../../domain/slo/types.js';
import type { Executor } from '../database.js';
import { decodeJson } from '../json.js';

export type SliOrigin = 'prometheus' | 'push' | 'estimate';
export type RollupUnit = 'hour' | 'day';
export type RollupRow = Totals & { start: number };
export interface SliGap extends Span {
  reason: string;
  detail: string | null;
  at: string;
}

/** Rows per insert statement: well under SQLite's bound-parameter limit. */
const WRITE_CHUNK = 500;

/** The minutes of `span` that have data, sorted by start. */
export async function listMinutes(db: Executor, sloId: string, span: Span): Promise<MinuteBucket[]> {
  const rows = await db
    .selectFrom('sli_minutes')
    .select(['minute', 'good', 'total'])
    .where('slo_id', '=', sloId)
    .where('minute', '>=', span.start)
    .where('minute', '<', span.end)
    .orderBy('minute')
    .execute();
  return rows.map((row) => ({ start: Number(row.minute), good: Number(row.good), total: Number(row.total) }));
}

/** The hour or day roll-ups starting inside `span`, sorted by start. */
export async function listRollups(db: Executor, sloId: string, unit: RollupUnit, span: Span): Promise<RollupRow[]> {
  const rows = await db
    .selectFrom('sli_rollups')
    .select(['start', 'good', 'total', 'bad', 'minutes_with_data'])
    .where('slo_id', '=', sloId)
    .where('unit', '=', unit)
    .where('start', '>=', span.start)
    .where('start', '<', span.end)
    .orderBy('start')
    .execute();
  return rows.map((row) => ({
    start: Number(row.start),
    good: Number(row.good),
    total: Number(row.total),
    bad: Number(row.bad),
    minutesWithData: Number(row.minutes_with_data),
  }));
}

/** Totals of `span` per SLO: whole days and hours from roll-ups, the edges from minutes. */
export async function sumRollups(db: Executor, sloIds: string[], span: Span): Promise<Map<string, Totals>> {
  const sums = new Map<string, Totals>(sloIds.map((id) => [id, { ...EMPTY_TOTALS }]));
  if (!sloIds.length) return sums;
  const parts = splitForRollups(span);
  const addRow = (row: { slo_id: string; good: unknown; total: unknown; bad: unknown; minutes: unknown }) => {
    const sum = sums.get(row.slo_id)!;
    sum.good += Number(row.good ?? 0);
    sum.total += Number(row.total ?? 0);
    sum.bad += Number(row.bad ?? 0);
    sum.minutesWithData += Number(row.minutes ?? 0);
  };
  const rollupParts: Array<[RollupUnit, Span]> = [
    ...(parts.days ? [['day', parts.days] as [RollupUnit, Span]] : []),
    ...parts.hours.map((hours) => ['hour', hours] as [RollupUnit, Span]),
  ];
  for (const [unit, part] of rollupParts) {
    const rows = await db
      .selectFrom('sli_rollups')
      .select((eb) => [
        'slo_id',
        eb.fn.sum<number>('good').as('good'),
        eb.fn.sum<number>('total').as('total'),
        eb.fn.sum<number>('bad').as('bad'),
        eb.fn.sum<number>('minutes_with_data').as('minutes'),
      ])
      .where('slo_id', 'in', sloIds)
      .where('unit', '=', unit)
      .where('start', '>=', part.start)
      .where('start', '<', part.end)
      .groupBy('slo_id')
      .execute();
    rows.forEach(addRow);
  }
  if (parts.minutes.length) {
    const budgeting = await budgetingOf(db, sloIds);
    for (const part of parts.minutes) {
      const rows = await db
        .selectFrom('sli_minutes')
        .select(['slo_id', 'minute', 'good', 'total'])
        .where('slo_id', 'in', sloIds)
        .where('minute', '>=', part.start)
        .where('minute', '<', part.end)
        .execute();
      for (const row of rows) {
        const bucket = { start: Number(row.minute), good: Number(row.good), total: Number(row.total) };
        const rule = budgeting.get(row.slo_id);
        if (!rule) continue;
        addRow({ slo_id: row.slo_id, good: bucket.good, total: bucket.total, bad: badIn(bucket, rule), minutes: 1 });
      }
    }
  }
  return sums;
}

/** Gaps overlapping `span`, sorted by start. */
export async function listGaps(db: Executor, sloId: string, span: Span): Promise<SliGap[]> {
  const rows = await db
    .selectFrom('sli_gaps')
    .selectAll()
    .where('slo_id', '=', sloId)
    .where('start', '<', span.end)
    .where('end', '>', span.start)
    .orderBy('start')
    .execute();
  return rows.map((row) => ({ start: Number(row.start), end: Number(row.end), reason: row.reason, detail: row.detail, at: row.at }));
}

/**
 * Writes minutes (replacing any already there: the same minute again is idempotent) and
 * brings the hour and day roll-ups that contain them up to date, in the caller's transaction.
 */
export async function writeMinutes(
  tx: Executor,
  slo: { id: string; budgeting: Budgeting },
  buckets: readonly MinuteBucket[],
  origin: SliOrigin,
  receivedAt: string,
): Promise<void> {
  if (!buckets.length) return;
  for (let i = 0; i < buckets.length; i += WRITE_CHUNK) {
    const rows = buckets.slice(i, i + WRITE_CHUNK).map((bucket) => ({
      slo_id: slo.id,
      minute: bucket.start,
      good: bucket.good,
      total: bucket.total,
      origin,
      received_at: receivedAt,
    }));
    await tx
      .insertInto('sli_minutes')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['slo_id', 'minute']).doUpdateSet((eb) => ({
          good: eb.ref('excluded.good'),
          total: eb.ref('excluded.total'),
          origin: eb.ref('excluded.origin'),
          received_at: eb.ref('excluded.received_at'),
        })),
      )
      .execute();
  }
  const starts = buckets.map((bucket) => bucket.start);
  await refreshRollups(tx, slo, { start: floorTo(Math.min(...starts), DAY_MS), end: floorTo(Math.max(...starts), DAY_MS) + DAY_MS }, new Set(starts.map((start) => floorTo(start, HOUR_MS))));
}

/** Recomputes every roll-up of `span` (whole days) from the minutes still kept, e.g. after the budgeting changed. */
export async function rebuildRollups(tx: Executor, slo: { id: string; budgeting: Budgeting }, span: Span): Promise<void> {
  const minutes = await listMinutes(tx, slo.id, span);
  await refreshRollups(tx, slo, { start: floorTo(span.start, DAY_MS), end: floorTo(span.end - 1, DAY_MS) + DAY_MS }, new Set(minutes.map((m) => floorTo(m.start, HOUR_MS))));
}

async function refreshRollups(tx: Executor, slo: { id: string; budgeting: Budgeting }, days: Span, hours: Set<number>): Promise<void> {
  if (!hours.size) return;
  const hourList = [...hours].sort((a, b) => a - b);
  const minutes = await listMinutes(tx, slo.id, { start: hourList[0]!, end: hourList[hourList.length - 1]! + HOUR_MS });
  const hourRows = rollUp(minutes, HOUR_MS, slo.budgeting).filter((row) => hours.has(row.start));
  await upsertRollups(tx, slo.id, 'hour', hourRows);
  const dayStarts = new Set(hourList.map((hour) => floorTo(hour, DAY_MS)));
  const allHours = await listRollups(tx, slo.id, 'hour', days);
  const dayRows: RollupRow[] = [];
  for (const hour of allHours) {
    const day = floorTo(hour.start, DAY_MS);
    if (!dayStarts.has(day)) continue;
    let row = dayRows[dayRows.length - 1];
    if (!row || row.start !== day) {
      row = { start: day, ...EMPTY_TOTALS };
      dayRows.push(row);
    }
    row.good += hour.good;
    row.total += hour.total;
    row.bad += hour.bad;
    row.minutesWithData += hour.minutesWithData;
  }
  await upsertRollups(tx, slo.id, 'day', dayRows);
}

async function upsertRollups(tx: Executor, sloId: string, unit: RollupUnit, rows: readonly RollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const values = rows.slice(i, i + WRITE_CHUNK).map((row) => ({
      slo_id: sloId,
      unit,
      start: row.start,
      good: row.good,
      total: row.total,
      bad: row.bad,
      minutes_with_data: row.minutesWithData,
    }));
    await tx
      .insertInto('sli_rollups')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['slo_id', 'unit', 'start']).doUpdateSet((eb) => ({
          good: eb.ref('excluded.good'),
          total: eb.ref('excluded.total'),
          bad: eb.ref('excluded.bad'),
          minutes_with_data: eb.ref('excluded.minutes_with_data'),
        })),
      )
      .execute();
  }
}

/** Records minutes a source could not supply; a gap at the same start is widened, not duplicated. */
export async function recordGap(tx: Executor, sloId: string, gap: Span & { reason: string; detail?: string }, at: string): Promise<void> {
  const row = { slo_id: sloId, start: gap.start, end: gap.end, reason: gap.reason, detail: gap.detail ?? null, at };
  await tx
    .insertInto('sli_gaps')
    .values(row)
    .onConflict((oc) => oc.columns(['slo_id', 'start']).doUpdateSet({ end: gap.end, reason: gap.reason, detail: row.detail, at }))
    .execute();
}

/** Forgets gaps (or their parts) inside `span`: data for it has arrived. */
export async function clearGaps(tx: Executor, sloId: string, span: Span): Promise<void> {
  const overlapping = await listGaps(tx, sloId, span);
  if (!overlapping.length) return;
  await tx.deleteFrom('sli_gaps').where('slo_id', '=', sloId).where('start', 'in', overlapping.map((gap) => gap.start)).execute();
  for (const gap of overlapping) {
    if (gap.start < span.start) await recordGap(tx, sloId, { ...gap, detail: gap.detail ?? undefined, end: span.start }, gap.at);
    if (gap.end > span.end) await recordGap(tx, sloId, { ...gap, detail: gap.detail ?? undefined, start: span.end }, gap.at);
  }
}

/** Deletes up to `limit` minutes older than `before` (roll-ups are kept). */
export async function deleteMinutesBefore(db: Executor, before: number, limit: number): Promise<number> {
  const rows = await db.selectFrom('sli_minutes').select(['slo_id', 'minute']).where('minute', '<', before).limit(limit).execute();
  for (const [sloId, minutes] of groupBy(rows)) {
    await db.deleteFrom('sli_minutes').where('slo_id', '=', sloId).where('minute', 'in', minutes).execute();
  }
  return rows.length;
}

function groupBy(rows: ReadonlyArray<{ slo_id: string; minute: number }>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const list = out.get(row.slo_id) ?? [];
    list.push(Number(row.minute));
    out.set(row.slo_id, list);
  }
  return out;
}

async function budgetingOf(db: Executor, sloIds: string[]): Promise<Map<string, Budgeting>> {
  const rows = await db.selectFrom('slos').select(['id', 'definition']).where('id', 'in', sloIds).execute();
  return new Map(rows.map((row) => [row.id, decodeJson<SloDefinition>(row.definition).budgeting]));
}
