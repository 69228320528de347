import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { instantMs, isoWeekday, parseDate, parseIsoParts, parseTimeOfDay, toMs } from './instants.js';

describe('instantMs', () => {
  it.each<[string, string, string | null]>([
    ['the form toISOString writes', '2025-03-09T07:00:00.000Z', '2025-03-09T07:00:00.000Z'],
    ['seconds without milliseconds', '2025-03-09T07:00:00Z', '2025-03-09T07:00:00.000Z'],
    ['minutes only', '2025-03-09T07:00Z', '2025-03-09T07:00:00.000Z'],
    ['a negative offset', '2025-03-09T03:00:00-04:00', '2025-03-09T07:00:00.000Z'],
    ['Lord Howe\'s half-hour offset', '2025-10-05T02:30:00+11:00', '2025-10-04T15:30:00.000Z'],
    ['an offset without a colon', '2025-03-09T12:30:00+0530', '2025-03-09T07:00:00.000Z'],
    ['an offset in hours only', '2025-03-09T16:00:00+09', '2025-03-09T07:00:00.000Z'],
    ['lower-case t and z', '2025-03-09t07:00:00z', '2025-03-09T07:00:00.000Z'],
    ['more than millisecond precision, truncated', '2025-03-09T07:00:00.123456Z', '2025-03-09T07:00:00.123Z'],
    ['29 February in a leap year', '2024-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['no offset (it would mean the server zone)', '2025-03-09T07:00:00', null],
    ['a date alone', '2025-03-09', null],
    ['30 February', '2025-02-30T00:00:00.000Z', null],
    ['29 February in a common year', '2025-02-29T00:00:00Z', null],
    ['hour 24', '2025-03-09T24:00:00.000Z', null],
    ['minute 60', '2025-03-09T10:60:00Z', null],
    ['month 13', '2025-13-01T00:00:00Z', null],
    ['free text', 'next Tuesday', null],
  ])('%s', (_case, text, expected) => {
    const ms = instantMs(text);
    expect(ms === null ? null : new Date(ms).toISOString()).toBe(expected);
  });

  it('keeps the wall reading when no offset is given, for the caller to place in a zone', () => {
    expect(parseIsoParts('2025-03-09 02:30')).toEqual({ wallMs: Date.UTC(2025, 2, 9, 2, 30), offsetMs: null });
  });

  it('toMs names the field it refuses', () => {
    expect(() => toMs('2025-03-09', 'from')).toThrowError(new ValidationError('from', 'must be an ISO 8601 date-time with Z or an offset, e.g. 2025-03-09T09:00:00Z'));
  });
});

describe('dates and times of day', () => {
  it.each([
    ['2025-01-01', 20089],
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2025-02-29', null],
    ['2025-1-1', null],
  ])('parseDate(%j) = %j', (text, expected) => expect(parseDate(text)).toBe(expected));

  it.each([
    ['09:00', 540],
    ['00:00', 0],
    ['23:59', 1439],
    ['24:00', null],
    ['9:00', null],
    ['09:60', null],
  ])('parseTimeOfDay(%j) = %j', (text, expected) => expect(parseTimeOfDay(text)).toBe(expected));

  it.each([
    [0, 4], // 1970-01-01 was a Thursday
    [-1, 3],
    [20089, 3], // 2025-01-01, a Wednesday
    [20093, 7], // 2025-01-05, a Sunday
  ])('isoWeekday(%i) = %i', (day, expected) => expect(isoWeekday(day)).toBe(expected));
});
