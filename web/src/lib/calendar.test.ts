import { describe, expect, it } from 'vitest';
import { calendarWindow, isoToWallTime, moveAnchor, nextFullHour, todayIn, wallTimeToIso } from './calendar.js';

const hours = (day: { start: number; end: number }) => (day.end - day.start) / 3_600_000;

describe('calendarWindow', () => {
  it('a week starts on Monday at local midnight in the schedule zone, not the browser’s', () => {
    const week = calendarWindow('week', '2026-12-03', 'Asia/Tokyo');
    expect(week.days.map((d) => d.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(new Date(week.from).toISOString()).toBe('2026-11-29T15:00:00.000Z');
    expect(week.days.filter((d) => d.weekend).map((d) => d.date)).toEqual(['2026-12-05', '2026-12-06']);
  });

  it('the spring-forward day is 23 hours wide and the fall-back day 25 (America/New_York)', () => {
    const march = calendarWindow('week', '2026-03-08', 'America/New_York');
    expect(march.days.map(hours)).toEqual([24, 24, 24, 24, 24, 24, 23]);
    const november = calendarWindow('week', '2026-11-01', 'America/New_York');
    expect(november.days.map(hours)).toEqual([24, 24, 24, 24, 24, 24, 25]);
  });

  it('Lord Howe’s half-hour DST change makes a 23.5-hour day', () => {
    const week = calendarWindow('week', '2026-10-04', 'Australia/Lord_Howe');
    expect(week.days.at(-1) && hours(week.days.at(-1)!)).toBe(23.5);
  });

  it('two weeks are fourteen days; a month view is the whole calendar month, leap day included', () => {
    expect(calendarWindow('twoWeeks', '2026-12-01', 'UTC').days).toHaveLength(14);
    const february = calendarWindow('month', '2028-02-17', 'Europe/London');
    expect([february.days[0]?.date, february.days.at(-1)?.date, february.days.length]).toEqual(['2028-02-01', '2028-02-29', 29]);
  });
});

describe('moveAnchor', () => {
  it.each([
    ['week', '2026-12-03', 1, '2026-12-10'],
    ['twoWeeks', '2026-12-03', -1, '2026-11-19'],
    ['month', '2026-01-31', 1, '2026-02-28'],
  ] as const)('%s from %s by %i → %s', (view, anchor, step, want) => {
    expect(moveAnchor(view, anchor, step, 'Asia/Tokyo')).toBe(want);
  });
});

describe('wall times in the schedule zone', () => {
  it('reads a datetime-local value in the schedule zone and keeps the offset', () => {
    expect(wallTimeToIso('2026-12-01T09:00', 'Asia/Tokyo')).toBe('2026-12-01T09:00:00+09:00');
    expect(wallTimeToIso('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T09:00:00+01:00');
  });

  it('is null for an empty or unreadable value', () => {
    expect(wallTimeToIso('', 'UTC')).toBeNull();
    expect(wallTimeToIso('tomorrow', 'UTC')).toBeNull();
  });

  it('shows an instant as the zone’s wall clock', () => {
    expect(isoToWallTime('2026-12-01T00:30:00Z', 'Asia/Tokyo')).toBe('2026-12-01T09:30');
    expect(todayIn('Asia/Tokyo', Date.parse('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
  });

  it('the next full hour follows the zone’s clock, half-hour zones included', () => {
    expect(new Date(nextFullHour(Date.parse('2026-12-01T10:20:00Z'), 'Asia/Kolkata')).toISOString()).toBe('2026-12-01T10:30:00.000Z');
    expect(new Date(nextFullHour(Date.parse('2026-12-01T10:20:00Z'), 'UTC')).toISOString()).toBe('2026-12-01T11:00:00.000Z');
  });
});
