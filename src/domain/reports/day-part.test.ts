import { describe, expect, it } from 'vitest';
import { dayPartOf } from './day-part.js';
import type { WorkingTime } from './types.js';

const working: WorkingTime = {
  timeZone: 'Asia/Tokyo',
  businessHours: { start: '09:00', end: '18:00', days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] },
  sleepHours: { start: '23:00', end: '07:00' },
};

describe('dayPartOf', () => {
  it.each([
    ['paged at 08:59 in the responder’s zone is off hours', '2026-11-23T23:59:00Z', 'Asia/Tokyo', 'off'],
    ['paged at 09:00 in the responder’s zone is business hours', '2026-11-24T00:00:00Z', 'Asia/Tokyo', 'business'],
    ['17:59 is business, 18:00 is off', '2026-11-24T08:59:00Z', 'Asia/Tokyo', 'business'],
    ['18:00 ends business hours', '2026-11-24T09:00:00Z', 'Asia/Tokyo', 'off'],
    ['sleep hours across midnight: 23:30', '2026-11-24T14:30:00Z', 'Asia/Tokyo', 'sleep'],
    ['sleep hours across midnight: 02:00 the next day', '2026-11-24T17:00:00Z', 'Asia/Tokyo', 'sleep'],
    ['sleep hours across midnight: 06:59 is still sleep', '2026-11-24T21:59:00Z', 'Asia/Tokyo', 'sleep'],
    ['sleep hours across midnight: 07:00 is off', '2026-11-24T22:00:00Z', 'Asia/Tokyo', 'off'],
    ['Saturday 10:00 is off hours, not business', '2026-11-28T01:00:00Z', 'Asia/Tokyo', 'off'],
    ['Saturday 03:00 is sleep', '2026-11-27T18:00:00Z', 'Asia/Tokyo', 'sleep'],
    ['read on the responder’s clock: 10:00 in Tokyo is 02:00 in London (sleep)', '2026-11-24T01:00:00Z', 'Europe/London', 'sleep'],
    ['no zone of their own: the review’s zone', '2026-11-24T00:00:00Z', null, 'business'],
    ['an invalid zone falls back to the review’s zone', '2026-11-24T00:00:00Z', 'Mars/Olympus', 'business'],
  ])('%s', (_title, at, zone, part) => {
    expect(dayPartOf(Date.parse(at), working, zone)).toBe(part);
  });
});
