import type { Span } from './compile.js';

/**
 * Lays levels of spans over one another: a later level wins over an earlier one and,
 * within a level, a span with a higher `rank` (else a later index) wins. Returns the
 * visible pieces, sorted and disjoint; adjacent pieces of one person from one source are
 * joined. `[from, to)` coverage is unchanged, only precedence is resolved.
 */
export function stackByPrecedence(levels: readonly (readonly (Span & { rank?: number })[])[]): Span[] {
  type Entry = { span: Span; rank: number };
  const events: { at: number; entry: Entry; opens: boolean }[] = [];
  levels.forEach((spans, level) => {
    spans.forEach((span, index) => {
      if (span.end <= span.start) return;
      const entry = { span, rank: level * 1e9 + (span.rank ?? index) };
      events.push({ at: span.start, entry, opens: true }, { at: span.end, entry, opens: false });
    });
  });
  events.sort((a, b) => a.at - b.at);
  const active: Entry[] = [];
  const out: Span[] = [];
  for (let i = 0; i < events.length; ) {
    const at = (events[i] as (typeof events)[number]).at;
    for (; i < events.length && (events[i] as (typeof events)[number]).at === at; i++) {
      const event = events[i] as (typeof events)[number];
      if (event.opens) active.push(event.entry);
      else active.splice(active.indexOf(event.entry), 1);
    }
    if (active.length === 0 || i === events.length) continue;
    let top = active[0] as Entry;
    for (const entry of active) if (entry.rank > top.rank) top = entry;
    const until = (events[i] as (typeof events)[number]).at;
    const last = out[out.length - 1];
    if (last && last.end === at && last.userId === top.span.userId && sameSource(last, top.span)) last.end = until;
    else out.push({ userId: top.span.userId, start: at, end: until, source: top.span.source });
  }
  return out;
}

export function sameSource(a: Span, b: Span): boolean {
  const x = a.source as { layerId?: string; overrideId?: string };
  const y = b.source as { layerId?: string; overrideId?: string };
  return x.layerId === y.layerId && x.overrideId === y.overrideId;
}

