import { ValidationError } from '../../errors.js';
import type { Instant } from './types.js';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** The fields of an ISO 8601 date-time; `offsetMs` is null when the text names no offset. */
export interface IsoParts {
  /** Milliseconds since the epoch of the wall-clock reading, as if it were UTC. */
  wallMs: number;
  offsetMs: number | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads `YYYY-MM-DDTHH:mm[:ss[.fff]][Z|±HH[:mm]]` (a space may replace the `T`), checking
 * each field's range. Returns null for anything else, including 2025-02-30.
 */
export function parseIsoParts(text: string): IsoParts | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const dayNumber = epochDay(year, month, day);
  if (dayNumber === null) return null;
  const wallMs = dayNumber * DAY + hour * HOUR + minute * MINUTE + second * 1000 + millis;
  return { wallMs, offsetMs: m[8] === undefined ? null : parseOffset(m[8]) };
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * HOUR + Number(digits.slice(2) || '0') * MINUTE);
}

/** Days since 1970-01-01 of a proleptic Gregorian date, or null when it does not exist. */
export function epochDay(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as written
  return date.getTime() / DAY;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` → days since the epoch, or null. */
export function parseDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? epochDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** `HH:mm` (00:00–23:59) → minutes after midnight, or null. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function formatDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/**
 * An instant at a boundary → epoch milliseconds. A string must carry `Z` or an offset:
 * without one it would mean the server's own zone. Throws ValidationError naming `field`.
 */
export function toMs(value: Instant, field: string): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new ValidationError(field, 'is an invalid Date');
    return ms;
  }
  const ms = typeof value === 'string' ? instantMs(value) : null;
  if (ms === null) throw new ValidationError(field, 'must be an ISO 8601 date-time with Z or an offset, e.g. 2025-03-09T09:00:00Z');
  return ms;
}

const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?Z$/;

/** An ISO string with an offset → epoch ms, or null. */
export function instantMs(text: string): number | null {
  if (CANONICAL.test(text)) {
    // The form toISOString writes (what storage holds): the platform parser, after the day check it skips.
    const year = Number(text.slice(0, 4));
    const month = Number(text.slice(5, 7));
    const ms = Date.parse(text);
    const bad = Number.isNaN(ms) || Number(text.slice(8, 10)) > daysInMonth(year, month) || Number(text.slice(11, 13)) > 23;
    return bad ? null : ms;
  }
  const parts = parseIsoParts(text);
  return parts === null || parts.offsetMs === null ? null : parts.wallMs - parts.offsetMs;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
