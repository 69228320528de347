import { MINUTE_MS, type MinuteBucket, type Span } from '../../domain/slo/types.js';
import { clearGaps, recordGap, writeMinutes, type SliOrigin } from '../../store/repositories/sli-data.js';
import type { SloRecord } from '../../store/repositories/slos.js';
import { findPullState, savePullState, type PullState } from '../../store/repositories/slo-states.js';
import type { Deps } from '../deps.js';

/** Longest wait between attempts while a source keeps failing. */
export const MAX_PULL_BACKOFF_MS = 15 * MINUTE_MS;

/** 1, 2, 4, 8 minutes, then every 15 minutes, after that many failures in a row. */
export function pullBackoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(MAX_PULL_BACKOFF_MS, MINUTE_MS * 2 ** (failures - 1));
}

/** Whether a timer tick should try the source now, or wait out the backoff. */
export function pullDue(state: PullState | undefined, now: Date): boolean {
  if (!state?.failures || !state.lastErrorAt) return true;
  return now.getTime() >= Date.parse(state.lastErrorAt) + pullBackoffMs(state.failures);
}

/**
 * Stores one pulled or estimated span in ONE transaction: its minutes (replacing any there)
 * with their roll-ups, gaps for the minutes it lacked, and the pull state moved past it.
 */
export async function recordSliSpan(
  deps: Deps,
  slo: SloRecord,
  span: Span,
  data: { buckets: readonly MinuteBucket[]; gaps: ReadonlyArray<Span & { reason: string }> },
  origin: SliOrigin,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await clearGaps(tx, slo.definition.id, span);
    await writeMinutes(tx, { id: slo.definition.id, budgeting: slo.definition.budgeting }, data.buckets, origin, at);
    for (const gap of data.gaps) await recordGap(tx, slo.definition.id, gap, at);
    const before = await findPullState(tx, slo.definition.id);
    await savePullState(tx, {
      sloId: slo.definition.id,
      pulledUntil: Math.max(before?.pulledUntil ?? 0, span.end),
      failures: 0,
      lastError: null,
      lastErrorAt: before?.lastErrorAt ?? null,
      lastSuccessAt: at,
    });
  });
}

/**
 * A source that gave nothing usable for `span` (down, timeout, error answer): the span is a
 * gap — never good minutes — and the pull state counts the failure, so the timer backs off
 * and tries the same span again.
 */
export async function recordPullFailure(deps: Deps, slo: SloRecord, span: Span, failure: { reason: string; message: string }, now: Date): Promise<PullState> {
  const at = now.toISOString();
  return deps.db.transaction().execute(async (tx) => {
    if (span.end > span.start) await recordGap(tx, slo.definition.id, { ...span, reason: failure.reason, detail: failure.message.slice(0, 500) }, at);
    const before = await findPullState(tx, slo.definition.id);
    const state: PullState = {
      sloId: slo.definition.id,
      pulledUntil: before?.pulledUntil ?? span.start,
      failures: (before?.failures ?? 0) + 1,
      lastError: `${failure.reason}: ${failure.message}`.slice(0, 500),
      lastErrorAt: at,
      lastSuccessAt: before?.lastSuccessAt ?? null,
    };
    await savePullState(tx, state);
    return state;
  });
}
