import { toMs } from './instants.js';
import type { Instant } from './types.js';

/**
 * On-call shifts as an iCalendar feed (RFC 5545) that calendar apps subscribe to. Times are
 * written in UTC (`DTSTART:20261101T130000Z`), so no VTIMEZONE is needed and every client
 * shows the shift in its own zone; lines end with CRLF and are folded at 75 octets.
 */
export interface CalendarEvent {
  /** Stable for one shift, so a refresh updates the event rather than adding another. */
  uid: string;
  start: Instant;
  end: Instant;
  summary: string;
  description?: string;
}

export interface Calendar {
  name: string;
  description?: string;
  /** When the feed was made (DTSTAMP). */
  stamp: Instant;
  events: readonly CalendarEvent[];
  /** How often clients should refetch, in minutes. */
  refreshMinutes?: number;
}

export function calendarText(calendar: Calendar): string {
  const stamp = utc(calendar.stamp, 'stamp');
  const refresh = `PT${calendar.refreshMinutes ?? 60}M`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hikeshi//On-call schedule//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description ? [`DESCRIPTION:${escapeText(calendar.description)}`, `X-WR-CALDESC:${escapeText(calendar.description)}`] : []),
    `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
    `X-PUBLISHED-TTL:${refresh}`,
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(event.start, 'start')}`,
      `DTEND:${utc(event.end, 'end')}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** `20261101T130000Z`: the UTC form of DATE-TIME (§3.3.5). */
function utc(instant: Instant, field: string): string {
  return new Date(toMs(instant, field)).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

const encoder = new TextEncoder();

/**
 * Folds a content line longer than 75 octets (§3.1): CRLF and one space before each
 * continuation, never inside a UTF-8 character (nor between the halves of a surrogate pair).
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
