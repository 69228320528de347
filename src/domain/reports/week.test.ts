import { describe, expect, it } from 'vitest';
import { formatIsoWeek, nextWeek, parseIsoWeek, previousWeek, weekContaining, weekSpan } from './week.js';

const HOUR = 3_600_000;

describe('parseIsoWeek', () => {
  it.each([
    ['an ordinary week', '2026-W48', { year: 2026, week: 48 }],
    ['ISO week 53 exists in 2026 (1 January is a Thursday)', '2026-W53', { year: 2026, week: 53 }],
    ['week 53 of a leap year starting on Wednesday (2020)', '2020-W53', { year: 2020, week: 53 }],
  ])('%s', (_title, text, week) => {
    expect(parseIsoWeek(text)).toEqual(week);
  });

  it.each([
    ['week 53 of a 52-week year (2025)', '2025-W53', '2025 has weeks 01 to 52'],
    ['week 00', '2026-W00', 'has weeks 01 to 53'],
    ['no W', '2026-48', 'must be an ISO week like 2026-W48'],
    ['one-digit week', '2026-W8', 'must be an ISO week'],
    ['trailing text', '2026-W48x', 'must be an ISO week'],
  ])('refuses %s', (_title, text, problem) => {
    const parsed = parseIsoWeek(text);
    expect(parsed).toHaveProperty('problem');
    expect((parsed as { problem: string }).problem).toContain(problem);
  });
});

describe('weekSpan', () => {
  it.each([
    ['2026-W48 in Tokyo starts Monday 00:00 JST (Sunday 15:00 UTC)', '2026-W48', 'Asia/Tokyo', '2026-11-22T15:00:00.000Z', 168],
    ['ISO week 53 of 2026 runs into January 2027', '2026-W53', 'UTC', '2026-12-28T00:00:00.000Z', 168],
    ['week 1 of 2027 starts on 4 January', '2027-W01', 'UTC', '2027-01-04T00:00:00.000Z', 168],
    ['a week across the spring DST change in New York is 167 hours', '2026-W10', 'America/New_York', '2026-03-02T05:00:00.000Z', 167],
    ['a week across the autumn DST change in Berlin is 169 hours', '2026-W43', 'Europe/Berlin', '2026-10-18T22:00:00.000Z', 169],
  ])('%s', (_title, text, zone, start, hours) => {
    const span = weekSpan(parseIsoWeek(text) as { year: number; week: number }, zone);
    expect(new Date(span.start).toISOString()).toBe(start);
    expect((span.end - span.start) / HOUR).toBe(hours);
  });
});

describe('week arithmetic', () => {
  it.each([
    ['previous of 2027-W01 is 2026-W53', () => formatIsoWeek(previousWeek({ year: 2027, week: 1 })), '2026-W53'],
    ['previous of 2026-W01 is 2025-W52', () => formatIsoWeek(previousWeek({ year: 2026, week: 1 })), '2025-W52'],
    ['next of 2026-W53 is 2027-W01', () => formatIsoWeek(nextWeek({ year: 2026, week: 53 })), '2027-W01'],
    ['Sunday 23:30 JST is still the week in Tokyo', () => formatIsoWeek(weekContaining(Date.parse('2026-11-29T14:30:00Z'), 'Asia/Tokyo')), '2026-W48'],
    ['the same instant in UTC is Sunday too', () => formatIsoWeek(weekContaining(Date.parse('2026-11-29T14:30:00Z'), 'UTC')), '2026-W48'],
    ['Monday 00:30 JST is already the next week in Tokyo but Sunday in UTC', () => formatIsoWeek(weekContaining(Date.parse('2026-11-29T15:30:00Z'), 'Asia/Tokyo')), '2026-W49'],
  ])('%s', (_title, compute, expected) => {
    expect(compute()).toBe(expected);
  });
});
