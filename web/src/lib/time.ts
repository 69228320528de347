/** Dates for people: absolute via Intl.DateTimeFormat, relative via Intl.RelativeTimeFormat. */

const absoluteCache = new Map<string, Intl.DateTimeFormat>();

export function formatAbsolute(iso: string, lang: string, withZone = false): string {
  const key = `${lang}|${withZone}`;
  let format = absoluteCache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      ...(withZone ? { second: '2-digit', timeZoneName: 'short' } : {}),
    });
    absoluteCache.set(key, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

export function formatTime(iso: string, lang: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function formatRelative(iso: string, lang: string, now: number, justNow?: string): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (Math.abs(seconds) < 45) return justNow ?? format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** Local date (YYYY-MM-DD from an <input type="date">) to the ISO instant starting or ending that day. */
export function dayBoundary(day: string, edge: 'start' | 'end'): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return '';
  const date = edge === 'start' ? new Date(y, m - 1, d, 0, 0, 0, 0) : new Date(y, m - 1, d, 23, 59, 59, 999);
  return date.toISOString();
}

export type ZonedStyle = 'dateTime' | 'time' | 'day' | 'weekday' | 'weekdayDay' | 'weekdayNarrow' | 'month';

const ZONED_OPTIONS: Record<ZonedStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  day: { month: 'short', day: 'numeric' },
  weekdayDay: { weekday: 'short', month: 'numeric', day: 'numeric' },
  weekday: { weekday: 'short' },
  weekdayNarrow: { weekday: 'narrow' },
  month: { year: 'numeric', month: 'long' },
};
const zonedCache = new Map<string, Intl.DateTimeFormat>();

/** An instant as people in `timeZone` (a schedule's zone) read it, e.g. "Mon, Dec 1, 09:00". */
export function formatInZone(instant: string | number, lang: string, timeZone: string, style: ZonedStyle): string {
  const key = `${lang}|${timeZone}|${style}`;
  let format = zonedCache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { ...ZONED_OPTIONS[style], timeZone });
    zonedCache.set(key, format);
  }
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : format.format(date);
}

/** A start–end span in `timeZone`; the end shows only its time when it falls on the same local day. */
export function formatSpanInZone(start: string | number, end: string | number, lang: string, timeZone: string): string {
  const sameDay = formatInZone(start, lang, timeZone, 'day') === formatInZone(end, lang, timeZone, 'day');
  return `${formatInZone(start, lang, timeZone, 'dateTime')} – ${formatInZone(end, lang, timeZone, sameDay ? 'time' : 'dateTime')}`;
}

/** The zone's UTC offset at an instant, e.g. "GMT+9". */
export function zoneOffsetLabel(timeZone: string, lang: string, at: number): string {
  try {
    const parts = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date(at));
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** A length of time as people say it: `45 s`, `12 min`, `2 h 5 min`, `3 d 4 h` (`2時間5分` in Japanese). */
export function formatDuration(ms: number, lang: string): string {
  const ja = lang === 'ja';
  const unit = { s: ja ? '秒' : ' s', min: ja ? '分' : ' min', h: ja ? '時間' : ' h', d: ja ? '日' : ' d' };
  const join = (parts: string[]) => parts.join(ja ? '' : ' ');
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 60) return `${seconds}${unit.s}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}${unit.min}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return join([`${hours}${unit.h}`, ...(minutes % 60 ? [`${minutes % 60}${unit.min}`] : [])]);
  const days = Math.floor(hours / 24);
  return join([`${days}${unit.d}`, ...(hours % 24 ? [`${hours % 24}${unit.h}`] : [])]);
}
