import type { CompiledSchedule, Span } from './compile.js';
import { layerSpans } from './layer-shifts.js';
import { stackByPrecedence } from './precedence.js';

/**
 * The final schedule over `[from, to)`: every layer's shifts with later layers on top,
 * then the overrides on top of all layers (a later override above an earlier one). Where
 * an upper layer has no one (a restriction, a layer not yet started) the layer below
 * shows through; where no layer and no override has anyone there is a gap. Shifts are
 * clipped to the window, never overlap, and adjacent shifts of one person from the same
 * layer or override are joined (a person's rotation shift and their override stay apart,
 * so each shift names exactly one source).
 */
export function finalSpans(schedule: CompiledSchedule, from: number, to: number): Span[] {
  if (from >= to) return [];
  const levels = schedule.layers.map((layer) => layerSpans(layer, schedule.zone, from, to));
  levels.push(overridesIn(schedule.overrides, from, to));
  return stackByPrecedence(levels);
}

/** Overrides meeting `[from, to)`, clipped, each ranked by its place in the list. */
export function overridesIn(overrides: readonly Span[], from: number, to: number): (Span & { rank: number })[] {
  const out: (Span & { rank: number })[] = [];
  overrides.forEach((o, rank) => {
    if (o.start < to && o.end > from) out.push({ ...o, start: Math.max(o.start, from), end: Math.min(o.end, to), rank });
  });
  return out;
}
