import type { SliSource } from './definition.js';
import { MINUTE_MS, type MinuteBucket, type Span } from './types.js';

/** Prometheus refuses more than 11,000 points per series; a chunk stays well under. */
export const MAX_POINTS_PER_QUERY = 10_000;
/** A minute is pulled once the minute after it has passed too: scrapes and rule evaluations land late. */
export const PULL_LAG_MS = MINUTE_MS;

export type PulledSource = Extract<SliSource, { kind: 'prometheus' | 'prometheus-ratio' }>;
export type SeriesName = 'good' | 'bad' | 'total' | 'errorRatio';
/** Values of a range query per evaluation time (unix seconds), as Prometheus wrote them; several series already listed. */
export type PulledSeries = Partial<Record<SeriesName, ReadonlyArray<ReadonlyArray<readonly [number, string]>>>>;

export interface MinuteGap extends Span {
  reason: 'nan' | 'no_points';
}

/**
 * The minutes still to pull at `now`: from where the last pull stopped (or the start of the
 * SLO's window, for a new SLO or after a long outage) to the last minute that is complete.
 */
export function spanToPull(pulledUntil: number, now: number, windowMs: number): Span | null {
  const end = Math.floor((now - PULL_LAG_MS) / MINUTE_MS) * MINUTE_MS;
  const start = Math.max(pulledUntil, Math.floor((now - windowMs) / MINUTE_MS) * MINUTE_MS);
  return start < end ? { start, end } : null;
}

/** Splits a span of minutes into chunks of at most `maxMinutes` minutes (one point per minute and series each). */
export function chunkSpan(span: Span, maxMinutes = MAX_POINTS_PER_QUERY): Span[] {
  const chunks: Span[] = [];
  for (let start = span.start; start < span.end; start += maxMinutes * MINUTE_MS) {
    chunks.push({ start, end: Math.min(span.end, start + maxMinutes * MINUTE_MS) });
  }
  return chunks;
}

/** The queries of a source, by the series name each fills. */
export function queriesOf(source: PulledSource): Array<[SeriesName, string]> {
  if (source.kind === 'prometheus-ratio') return [['errorRatio', source.errorRatio]];
  return [...(source.good !== undefined ? [['good', source.good] as [SeriesName, string]] : []), ...(source.bad !== undefined ? [['bad', source.bad] as [SeriesName, string]] : []), ['total', source.total]];
}

/**
 * The range query's evaluation times for a chunk: the value at t covers the minute ending at
 * t (`increase(x[1m])` at t counts (t − 1 m, t]), so minute M is read at M + 1 m.
 */
export function evaluationRange(chunk: Span): { start: number; end: number; stepSeconds: number } {
  return { start: (chunk.start + MINUTE_MS) / 1000, end: chunk.end / 1000, stepSeconds: MINUTE_MS / 1000 };
}

/**
 * Turns pulled series into minute buckets. A minute a series has no point for is a
 * `no_points` gap; NaN, ±Inf or a negative count is a `nan` gap — never a good minute.
 * Several series of one query are summed. An error ratio weighs one event per minute.
 */
export function minutesFromSeries(source: PulledSource, chunk: Span, series: PulledSeries): { buckets: MinuteBucket[]; gaps: MinuteGap[] } {
  const values = new Map<SeriesName, Map<number, number>>();
  for (const [name] of queriesOf(source)) values.set(name, sumByMinute(series[name] ?? []));
  const buckets: MinuteBucket[] = [];
  const gaps: MinuteGap[] = [];
  const addGap = (minute: number, reason: MinuteGap['reason']) => {
    const last = gaps[gaps.length - 1];
    if (last && last.end === minute && last.reason === reason) last.end = minute + MINUTE_MS;
    else gaps.push({ start: minute, end: minute + MINUTE_MS, reason });
  };
  for (let minute = chunk.start; minute < chunk.end; minute += MINUTE_MS) {
    const read = (name: SeriesName) => values.get(name)?.get(minute);
    const needed = queriesOf(source).map(([name]) => read(name));
    if (needed.some((value) => value === undefined)) addGap(minute, 'no_points');
    else if (needed.some((value) => !Number.isFinite(value!) || value! < 0)) addGap(minute, 'nan');
    else buckets.push({ start: minute, ...countsOf(source, read) });
  }
  return { buckets, gaps };
}

/** `increase()` extrapolates at the edges, so good can come out a hair above total: clamp, never invent. */
function countsOf(source: PulledSource, read: (name: SeriesName) => number | undefined): { good: number; total: number } {
  if (source.kind === 'prometheus-ratio') return { good: 1 - Math.min(1, read('errorRatio')!), total: 1 };
  const total = read('total')!;
  if (source.good !== undefined) return { good: Math.min(read('good')!, total), total };
  return { good: total - Math.min(read('bad')!, total), total };
}

function sumByMinute(seriesList: ReadonlyArray<ReadonlyArray<readonly [number, string]>>): Map<number, number> {
  const out = new Map<number, number>();
  for (const series of seriesList) {
    for (const [seconds, raw] of series) {
      const minute = Math.round(seconds * 1000) - MINUTE_MS;
      out.set(minute, (out.get(minute) ?? 0) + Number(raw));
    }
  }
  return out;
}
