import { compileSchedule, type CompiledSchedule } from '../../domain/oncall/compile.js';
import { engineSchedule, type ScheduleRecord } from '../../domain/oncall/schedule-record.js';
import { HikeshiError } from '../../errors.js';
import type { Db } from '../../store/database.js';
import { listScheduleRevisions, listSchedulesByIds } from '../../store/repositories/schedules.js';

/** A stored schedule with its compiled form, or why it cannot be compiled. */
export interface LiveSchedule {
  record: ScheduleRecord;
  compiled: CompiledSchedule | null;
  problem: string | null;
}

/**
 * Compiled schedules kept in memory per database, keyed by id and revision: answering
 * "who is on call now" reads only ids and revisions, and fetches and compiles just the
 * schedules written since (by this instance or another sharing the database).
 */
const caches = new WeakMap<Db, Map<string, LiveSchedule>>();

function cacheOf(db: Db): Map<string, LiveSchedule> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The current schedules matching the filter (all when none), compiled; unordered. */
export async function liveSchedules(db: Db, filter: { ids?: readonly string[]; teamIds?: readonly string[] } = {}): Promise<LiveSchedule[]> {
  const revisions = await listScheduleRevisions(db, filter);
  const cache = cacheOf(db);
  const stale = revisions.filter((r) => cache.get(r.id)?.record.revision !== r.revision).map((r) => r.id);
  if (stale.length) {
    for (const record of await listSchedulesByIds(db, stale)) cache.set(record.id, compile(record));
  }
  if (!filter.ids && !filter.teamIds && cache.size > revisions.length) {
    const current = new Set(revisions.map((r) => r.id));
    for (const id of cache.keys()) if (!current.has(id)) cache.delete(id);
  }
  return revisions.map((r) => cache.get(r.id)).filter((s): s is LiveSchedule => s !== undefined);
}

/** A schedule just written: cache its compiled form (or drop it, when deleted). */
export function rememberSchedule(db: Db, record: ScheduleRecord | { id: string; deleted: true }): void {
  if ('deleted' in record) cacheOf(db).delete(record.id);
  else cacheOf(db).set(record.id, compile(record));
}

function compile(record: ScheduleRecord): LiveSchedule {
  try {
    return { record, compiled: compileSchedule(engineSchedule(record)), problem: null };
  } catch (error) {
    // Stored schedules are checked when written; one the engine now refuses is shown, not fatal.
    if (error instanceof HikeshiError) return { record, compiled: null, problem: error.message };
    throw error;
  }
}
