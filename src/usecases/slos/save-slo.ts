import type { SloDefinition } from '../../domain/slo/definition.js';
import { DAY_MS } from '../../domain/slo/types.js';
import type { Executor } from '../../store/database.js';
import { rebuildRollups } from '../../store/repositories/sli-data.js';
import { findSlo, upsertSlo, type SloOrigin } from '../../store/repositories/slos.js';
import { savePullState } from '../../store/repositories/slo-states.js';
import { hasSliTimer, scheduleSliPull } from './sli-timers.js';

/** Minutes are kept this long; roll-ups are rebuilt from what is kept. */
export const MINUTES_KEPT_MS = 35 * DAY_MS;

/**
 * Writes an SLO in the caller's transaction. A changed budgeting rebuilds the roll-ups from
 * the minutes kept (bad means events or missed minutes); a changed source starts its pull
 * over (the minutes it gives replace the old ones); an SLO with a timer gets its next run.
 */
export async function storeSlo(tx: Executor, definition: SloDefinition, place: { serviceId: string; origin: SloOrigin; file: string | null }, now: Date): Promise<'created' | 'updated' | 'unchanged'> {
  const before = await findSlo(tx, definition.id);
  const at = now.toISOString();
  const same = before && JSON.stringify(before.definition) === JSON.stringify(definition) && before.serviceId === place.serviceId && before.origin === place.origin && before.file === place.file;
  if (!same) await upsertSlo(tx, { definition, ...place, createdAt: before?.createdAt ?? at, updatedAt: at });
  if (before && JSON.stringify(before.definition.budgeting) !== JSON.stringify(definition.budgeting)) {
    await rebuildRollups(tx, { id: definition.id, budgeting: definition.budgeting }, { start: now.getTime() - MINUTES_KEPT_MS, end: now.getTime() });
  }
  if (before && JSON.stringify(before.definition.source) !== JSON.stringify(definition.source)) {
    await savePullState(tx, { sloId: definition.id, pulledUntil: 0, failures: 0, lastError: null, lastErrorAt: null, lastSuccessAt: null });
  }
  if (hasSliTimer(definition)) await scheduleSliPull(tx, definition.id, now);
  return !before ? 'created' : same ? 'unchanged' : 'updated';
}
