import { IANAZone } from 'luxon';
import { DAY, HOUR } from './instants.js';

/**
 * Wall-clock time in an IANA zone. Luxon supplies the zone's UTC offset at an instant
 * (from the platform's tz database); everything else here is integer arithmetic on
 * "wall milliseconds" (the local reading counted as if it were UTC), which keeps the
 * engine's hot path free of date objects.
 *
 * Turning a wall-clock reading into an instant (`wallToInstant`), two readings need a rule:
 *
 * - A reading that does not exist (the spring-forward gap, e.g. 02:30 on 2025-03-09 in
 *   America/New_York, or 02:15 on Lord Howe's 30-minute jump) → the first instant after
 *   the gap, i.e. the moment the clocks change (03:00 EDT; 02:30 on Lord Howe). A 02:30
 *   handoff happens at 03:00 that day, not at 03:30: the shift never runs later than the
 *   first real moment past its wall time.
 * - A reading that happens twice (the fall-back repeat, e.g. 01:30 on 2025-11-02 in New
 *   York) → the first occurrence (01:30 EDT), so a handoff never waits an extra hour.
 *
 * Offsets come from a per-zone cache of one-hour buckets (each bucket records its offset
 * or the exact instant the offset changes inside it), so repeated look-ups cost a Map read
 * instead of an Intl call. This assumes a zone changes offset at most once within any
 * hour, which holds for the whole tz database. The cache only memoises a pure function.
 */
export interface Zone {
  readonly name: string;
  readonly iana: IANAZone;
  readonly buckets: Map<number, number | Change>;
}

interface Change {
  at: number;
  before: number;
  after: number;
}

const zones = new Map<string, Zone>();
const MAX_BUCKETS = 100_000;

const validity = new Map<string, boolean>();

/** Whether `name` is an IANA zone this platform knows (memoised: the check builds an Intl formatter). */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name.length === 0) return false;
  let valid = validity.get(name);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(name);
    if (validity.size < 10_000) validity.set(name, valid);
  }
  return valid;
}

/** The zone's rules; throws when `name` is not an IANA zone (check with isValidTimeZone first). */
export function zoneNamed(name: string): Zone {
  let zone = zones.get(name);
  if (zone === undefined) {
    if (!isValidTimeZone(name)) throw new Error(`not an IANA time zone: ${name}`);
    zone = { name, iana: IANAZone.create(name), buckets: new Map() };
    zones.set(name, zone);
  }
  return zone;
}

function rawOffset(zone: Zone, ms: number): number {
  return Math.round(zone.iana.offset(ms) * 60_000);
}

/** UTC offset in milliseconds at an instant (positive east of Greenwich). */
export function offsetAt(zone: Zone, ms: number): number {
  const bucket = Math.floor(ms / HOUR);
  let entry = zone.buckets.get(bucket);
  if (entry === undefined) {
    entry = fillBucket(zone, bucket);
    if (zone.buckets.size >= MAX_BUCKETS) zone.buckets.clear();
    zone.buckets.set(bucket, entry);
  }
  if (typeof entry === 'number') return entry;
  return ms < entry.at ? entry.before : entry.after;
}

function fillBucket(zone: Zone, bucket: number): number | Change {
  let lo = bucket * HOUR;
  let hi = lo + HOUR;
  const before = rawOffset(zone, lo);
  const after = rawOffset(zone, hi);
  if (before === after) return before;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (rawOffset(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return { at: hi, before, after };
}

/** The wall-clock reading at an instant, as wall milliseconds. */
export function instantToWall(zone: Zone, ms: number): number {
  return ms + offsetAt(zone, ms);
}

/** The local day number (days since 1970-01-01 on the wall calendar) at an instant. */
export function wallDayAt(zone: Zone, ms: number): number {
  return Math.floor(instantToWall(zone, ms) / DAY);
}

/**
 * The instant a wall-clock reading names: the first occurrence when the reading repeats,
 * the moment the clocks jump when the reading falls in a gap (see the module comment).
 */
export function wallToInstant(zone: Zone, wallMs: number): number {
  // Every real instant for this reading lies within 14 h of it; probe both sides and the middle.
  const early = offsetAt(zone, wallMs - 15 * HOUR);
  const middle = offsetAt(zone, wallMs);
  const late = offsetAt(zone, wallMs + 15 * HOUR);
  let best = Infinity;
  for (const offset of [early, middle, late]) {
    const candidate = wallMs - offset;
    if (candidate < best && offsetAt(zone, candidate) === offset) best = candidate;
  }
  if (best !== Infinity) return best;
  // A gap: the clocks jumped from `early` to `late` at some instant between these two.
  let lo = wallMs - late;
  let hi = wallMs - early;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === early) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The instant of `minuteOfDay` on local day `day` under the rules above. */
export function localTimeToInstant(zone: Zone, day: number, minuteOfDay: number): number {
  return wallToInstant(zone, day * DAY + minuteOfDay * 60_000);
}
