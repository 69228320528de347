import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { calendarText, escapeText, foldLine } from './ical.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('calendarText', () => {
  it('writes a subscribable VCALENDAR with UTC times, CRLF line ends and escaped text', () => {
    const text = calendarText({
      name: 'On call: Payments, primary',
      stamp: '2026-11-20T09:00:00Z',
      events: [
        {
          uid: 'a1b2@hikeshi',
          start: '2026-11-01T09:00:00-04:00',
          end: '2026-11-02T09:00:00-05:00',
          summary: 'On call: Ann; Payments',
          description: 'Line one\nback\\slash',
        },
      ],
    });
    expect(text).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Hikeshi//On-call schedule//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'NAME:On call: Payments\\, primary',
        'X-WR-CALNAME:On call: Payments\\, primary',
        'REFRESH-INTERVAL;VALUE=DURATION:PT60M',
        'X-PUBLISHED-TTL:PT60M',
        'BEGIN:VEVENT',
        'UID:a1b2@hikeshi',
        'DTSTAMP:20261120T090000Z',
        'DTSTART:20261101T130000Z',
        'DTEND:20261102T140000Z',
        'SUMMARY:On call: Ann\\; Payments',
        'DESCRIPTION:Line one\\nback\\\\slash',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds a long line with a Japanese name at 75 octets without splitting a character', () => {
    const text = calendarText({
      name: 'x',
      stamp: '2026-11-20T09:00:00Z',
      events: [{ uid: 'u', start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z', summary: `On call: ${'佐藤愛子'.repeat(10)} 🔥` }],
    });
    const lines = text.split('\r\n');
    const summary = lines.findIndex((l) => l.startsWith('SUMMARY:'));
    const physical = [lines[summary]!];
    for (let i = summary + 1; lines[i]!.startsWith(' '); i++) physical.push(lines[i]!);
    expect(physical.length).toBeGreaterThan(1);
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75);
    // Unfolding (remove CRLF + one space) gives back the line exactly.
    expect(physical.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`SUMMARY:On call: ${'佐藤愛子'.repeat(10)} 🔥`);
  });

  it('refuses a time without an offset', () => {
    expect(() => calendarText({ name: 'x', stamp: '2026-11-20T09:00', events: [] })).toThrowError(ValidationError);
  });
});

describe('foldLine and escapeText', () => {
  it.each([
    ['a line of exactly 75 octets stays whole', 'A'.repeat(75), ['A'.repeat(75)]],
    ['76 octets fold after 75', 'A'.repeat(76), ['A'.repeat(75), ' A']],
    ['continuations hold 74 octets after their space', 'A'.repeat(75 + 74 + 1), ['A'.repeat(75), ` ${'A'.repeat(74)}`, ' A']],
    ['a 3-octet character that would cross octet 75 moves to the next line', `${'A'.repeat(74)}愛`, ['A'.repeat(74), ' 愛']],
  ])('%s', (_case, line, expected) => {
    expect(foldLine(line).split('\r\n')).toEqual(expected);
  });

  it.each([
    ['comma, semicolon and backslash', 'a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['newlines of every kind', 'a\r\nb\nc\rd', 'a\\nb\\nc\\nd'],
    ['other control characters are dropped', 'a\u0007b', 'ab'],
    ['a colon needs no escape in TEXT', 'On call: Ann', 'On call: Ann'],
  ])('escapes %s', (_case, text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });
});
