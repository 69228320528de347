import type { CompiledRestriction, Span } from './compile.js';
import { isoWeekday } from './instants.js';
import { localTimeToInstant, wallDayAt, type Zone } from './zone-time.js';

/** `[start, end)` in epoch milliseconds. */
export type Window = readonly [number, number];

/**
 * The restriction's active windows that meet `[from, to)`, sorted, merged and clipped to
 * it. Window edges are wall-clock times resolved like handoffs (zone-time.ts): on a DST
 * change day a window is an hour (on Lord Howe half an hour) shorter or longer, and an edge
 * inside the spring-forward gap moves to the moment the clocks jump.
 */
export function restrictionWindows(restriction: CompiledRestriction, zone: Zone, from: number, to: number): Window[] {
  if (from >= to) return [];
  const firstDay = wallDayAt(zone, from);
  const lastDay = wallDayAt(zone, to);
  const raw: [number, number][] = [];
  if (restriction.kind === 'daily') {
    const endNextDay = restriction.to <= restriction.from ? 1 : 0;
    for (let day = firstDay - 1; day <= lastDay; day++) {
      raw.push([localTimeToInstant(zone, day, restriction.from), localTimeToInstant(zone, day + endNextDay, restriction.to)]);
    }
  } else {
    const firstMonday = firstDay - (isoWeekday(firstDay) - 1);
    for (let monday = firstMonday - 7; monday <= lastDay; monday += 7) {
      for (const w of restriction.windows) {
        const startDay = monday + w.fromDay - 1;
        let days = (w.toDay - w.fromDay + 7) % 7;
        if (days === 0 && w.to <= w.from) days = 7;
        raw.push([localTimeToInstant(zone, startDay, w.from), localTimeToInstant(zone, startDay + days, w.to)]);
      }
    }
    raw.sort((a, b) => a[0] - b[0]);
  }
  const windows: [number, number][] = [];
  for (const [start, end] of raw) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e <= s) continue;
    const last = windows[windows.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else windows.push([s, e]);
  }
  return windows;
}

/** The parts of sorted, non-overlapping spans that fall inside sorted, disjoint windows. */
export function clipToWindows(spans: readonly Span[], windows: readonly Window[]): Span[] {
  const out: Span[] = [];
  let w = 0;
  for (const span of spans) {
    while (w < windows.length && (windows[w] as Window)[1] <= span.start) w++;
    for (let i = w; i < windows.length; i++) {
      const [ws, we] = windows[i] as Window;
      if (ws >= span.end) break;
      out.push({ ...span, start: Math.max(span.start, ws), end: Math.min(span.end, we) });
    }
  }
  return out;
}
