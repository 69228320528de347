import type { CompiledExplicit, CompiledLayer, CompiledRotation, Span } from './compile.js';
import { stackByPrecedence } from './precedence.js';
import { clipToWindows, restrictionWindows } from './restrictions.js';
import { localTimeToInstant, wallDayAt, type Zone } from './zone-time.js';

/**
 * When turns change hands. Turn k (k = 0, 1, …) belongs to participants[k mod n].
 *
 * - `days` and `weeks` turns are wall-clock: turn k starts on local date
 *   `startDate + k × length` (× 7 for weeks) at `handoffTime`. A 1-day rotation handing off
 *   at 09:00 hands off at 09:00 local every day, so the shift that spans a DST change lasts
 *   23 h or 25 h (23.5 h / 24.5 h on Lord Howe). A handoff time missing that day (02:30 on
 *   the spring-forward day in New York) happens when the clocks jump (03:00); one that
 *   occurs twice (01:30 on the fall-back day) happens at the first occurrence. People
 *   agree a handoff as "Monday 09:00", so that is what must survive DST.
 * - `hours` turns are elapsed time: turn k starts `k × length` hours after the first
 *   handoff (startDate handoffTime). An hours rotation promises a shift *length* (a 12-hour
 *   shift is 12 hours of work), and wall-clock hours are ill-defined across DST: adding one
 *   wall hour to 01:30 on the fall-back day, or a turn starting inside the spring gap,
 *   would give shifts of 0 or 2 hours. The cost: 09:00/21:00 handoffs become 10:00/22:00
 *   (08:00/20:00) after a DST change, as in PagerDuty and GoAlert. Teams wanting fixed
 *   local day/night handoffs use two 1-day layers restricted to the day and night windows.
 *
 * The turn covering an instant is found arithmetically (a division from the local date),
 * never by walking from the start date, so any window costs only the turns inside it.
 */
export function handoffInstant(layer: CompiledRotation, zone: Zone, turn: number): number {
  if (layer.unit === 'hours') return layer.anchor + turn * layer.period;
  return localTimeToInstant(zone, layer.startDay + turn * layer.period, layer.handoffMinute);
}

/** The turn whose `[handoff, next handoff)` contains `ms`; negative before the layer starts. */
export function turnAt(layer: CompiledRotation, zone: Zone, ms: number): number {
  if (layer.unit === 'hours') return Math.floor((ms - layer.anchor) / layer.period);
  let turn = Math.floor((wallDayAt(zone, ms) - layer.startDay) / layer.period);
  // The local date may be before today's handoff (or, near a DST edge, just past a boundary).
  while (handoffInstant(layer, zone, turn) > ms) turn--;
  while (handoffInstant(layer, zone, turn + 1) <= ms) turn++;
  return turn;
}

/** A layer's shifts meeting `[from, to)`, clipped to it, sorted, not overlapping one another. */
export function layerSpans(layer: CompiledLayer, zone: Zone, from: number, to: number): Span[] {
  return layer.kind === 'explicit' ? explicitSpans(layer, from, to) : rotationSpans(layer, zone, from, to);
}

function rotationSpans(layer: CompiledRotation, zone: Zone, from: number, to: number): Span[] {
  const lo = Math.max(from, layer.anchor);
  const hi = Math.min(to, layer.end);
  const n = layer.participants.length;
  if (lo >= hi || n === 0) return [];
  const spans: Span[] = [];
  let turn = turnAt(layer, zone, lo);
  let start = handoffInstant(layer, zone, turn);
  while (start < hi) {
    const next = handoffInstant(layer, zone, turn + 1);
    const userId = layer.participants[((turn % n) + n) % n] as string;
    spans.push({ userId, start: Math.max(start, lo), end: Math.min(next, hi), source: layer.source });
    turn++;
    start = next;
  }
  return layer.restriction === null ? spans : clipToWindows(spans, restrictionWindows(layer.restriction, zone, lo, hi));
}

/** Explicit shifts may overlap; the later-listed one wins, as for overrides. */
function explicitSpans(layer: CompiledExplicit, from: number, to: number): Span[] {
  // Binary search for the first span that could reach `from`.
  let lo = 0;
  let hi = layer.spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((layer.spans[mid] as Span).start < from - layer.longest) lo = mid + 1;
    else hi = mid;
  }
  const hits: (Span & { rank: number })[] = [];
  for (let i = lo; i < layer.spans.length; i++) {
    const s = layer.spans[i] as Span & { rank: number };
    if (s.start >= to) break;
    if (s.end > from) hits.push({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) });
  }
  return stackByPrecedence([hits]);
}
