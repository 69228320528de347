import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from './instants.js';
import { instantToWall, isValidTimeZone, offsetAt, wallToInstant, zoneNamed } from './zone-time.js';

const wall = (text: string) => Date.parse(`${text}Z`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('wallToInstant', () => {
  it.each([
    ['an ordinary New York morning in winter', 'America/New_York', '2025-03-08T09:00', '2025-03-08T14:00:00.000Z'],
    ['09:00 on the New York spring-forward day is EDT', 'America/New_York', '2025-03-09T09:00', '2025-03-09T13:00:00.000Z'],
    ['02:30 does not exist in New York on spring-forward: the moment clocks jump (03:00 EDT)', 'America/New_York', '2025-03-09T02:30', '2025-03-09T07:00:00.000Z'],
    ['02:00 itself does not exist either: same instant', 'America/New_York', '2025-03-09T02:00', '2025-03-09T07:00:00.000Z'],
    ['03:00 EDT, the first real reading after the gap', 'America/New_York', '2025-03-09T03:00', '2025-03-09T07:00:00.000Z'],
    ['01:30 happens twice on New York fall-back: the first (EDT)', 'America/New_York', '2025-11-02T01:30', '2025-11-02T05:30:00.000Z'],
    ['02:00 on New York fall-back happens once (EST)', 'America/New_York', '2025-11-02T02:00', '2025-11-02T07:00:00.000Z'],
    ['01:30 in the London spring gap: 02:00 BST', 'Europe/London', '2025-03-30T01:30', '2025-03-30T01:00:00.000Z'],
    ['01:30 twice on London fall-back: the first (BST)', 'Europe/London', '2025-10-26T01:30', '2025-10-26T00:30:00.000Z'],
    ['02:15 inside Lord Howe\'s 30-minute spring gap: 02:30 (+11)', 'Australia/Lord_Howe', '2025-10-05T02:15', '2025-10-04T15:30:00.000Z'],
    ['01:45 twice on Lord Howe fall-back (half an hour repeats): the first (+11)', 'Australia/Lord_Howe', '2025-04-06T01:45', '2025-04-05T14:45:00.000Z'],
    ['01:29 on Lord Howe fall-back happens once (+11)', 'Australia/Lord_Howe', '2025-04-06T01:29', '2025-04-05T14:29:00.000Z'],
    ['02:00 on Lord Howe fall-back happens once (+10:30)', 'Australia/Lord_Howe', '2025-04-06T02:00', '2025-04-05T15:30:00.000Z'],
    ['Tokyo has no DST today: 02:30 on New York\'s change day is ordinary', 'Asia/Tokyo', '2025-03-09T02:30', '2025-03-08T17:30:00.000Z'],
    ['Tokyo kept DST in 1950 (+10)', 'Asia/Tokyo', '1950-07-01T09:00', '1950-06-30T23:00:00.000Z'],
    ['Santiago skips midnight: 00:30 becomes 01:00 (-03)', 'America/Santiago', '2025-09-07T00:30', '2025-09-07T04:00:00.000Z'],
    ['Samoa skipped 2011-12-30 entirely: the first instant after', 'Pacific/Apia', '2011-12-30T09:00', '2011-12-30T10:00:00.000Z'],
    ['UTC is the identity', 'UTC', '2025-06-01T12:34', '2025-06-01T12:34:00.000Z'],
  ])('%s', (_case, zone, reading, expected) => {
    expect(iso(wallToInstant(zoneNamed(zone), wall(reading)))).toBe(expected);
  });
});

describe('offsets and round trips (property checks)', () => {
  const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Tokyo', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham'];

  it.each(zones)('cached offsets equal Luxon at 5,000 pseudo-random instants 1900–2100 in %s', (name) => {
    const zone = zoneNamed(name);
    const iana = IANAZone.create(name);
    let seed = 42;
    const wrong: string[] = [];
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const ms = Math.floor(Date.UTC(1900, 0, 1) + (seed / 2 ** 31) * 200 * 365 * DAY);
      if (offsetAt(zone, ms) !== Math.round(iana.offset(ms) * 60_000)) wrong.push(iso(ms));
    }
    expect(wrong).toEqual([]);
  });

  it.each(zones)('every 15 minutes of 2025 in %s reads back to itself, except the repeated hour\'s second pass', (name) => {
    const zone = zoneNamed(name);
    const wrong: string[] = [];
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2026, 0, 1); ms += 15 * 60_000) {
      const back = wallToInstant(zone, instantToWall(zone, ms));
      // Only a repeated reading may resolve elsewhere, and then to its earlier occurrence.
      if (back !== ms && !(back < ms && instantToWall(zone, back) === instantToWall(zone, ms))) wrong.push(iso(ms));
    }
    expect(wrong).toEqual([]);
  });

  it.each(zones)('wall readings outside gaps and repeats agree with Luxon in %s', (name) => {
    const zone = zoneNamed(name);
    const wrong: string[] = [];
    for (let day = 0; day < 365; day++) {
      for (const minute of [0, 90, 150, 540, 1439]) {
        const reading = Date.UTC(2025, 0, 1) + day * DAY + minute * 60_000;
        const d = new Date(reading);
        const dt = DateTime.fromObject(
          { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
          { zone: name },
        );
        const ours = wallToInstant(zone, reading);
        const nearChange = instantToWall(zone, ours) !== reading || offsetAt(zone, ours - 2 * HOUR) !== offsetAt(zone, ours + 2 * HOUR);
        if (!nearChange && ours !== dt.toMillis()) wrong.push(iso(reading));
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['America/New_York', true],
    ['Australia/Lord_Howe', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('isValidTimeZone(%j) is %s', (name, valid) => {
    expect(isValidTimeZone(name)).toBe(valid);
  });
});
