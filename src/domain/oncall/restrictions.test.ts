import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { layerShifts } from './queries.js';
import type { Restriction, RotationLayer } from './types.js';

const layer = (restrictions: Restriction, over: Partial<RotationLayer> = {}): RotationLayer => ({
  id: 'l',
  name: 'L',
  participants: ['ann', 'bob'],
  rotation: { unit: 'days', length: 1 },
  handoffTime: '09:00',
  startDate: '2025-01-01',
  restrictions,
  ...over,
});

/** Shifts as `user local-start→local-end (hours)` in the schedule's zone, over local [from, to). */
function shiftsIn(zone: string, l: RotationLayer, from: string, to: string): string[] {
  const utc = (local: string) => DateTime.fromISO(local, { zone }).toUTC().toISO() as string;
  const fmt = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat('ccc dd HH:mm');
  return layerShifts({ id: 's', timeZone: zone, layers: [l] }, 'l', utc(from), utc(to)).map(
    (s) => `${s.userId} ${fmt(s.start)}→${fmt(s.end)} (${(Date.parse(s.end) - Date.parse(s.start)) / 3_600_000}h)`,
  );
}

describe('daily restrictions', () => {
  it.each([
    ['keeps only office hours, leaving nights empty', 'Asia/Tokyo', layer({ kind: 'daily', from: '09:00', to: '17:00' }), '2025-06-02T00:00', '2025-06-04T00:00', [
      'ann Mon 02 09:00→Mon 02 17:00 (8h)',
      'bob Tue 03 09:00→Tue 03 17:00 (8h)',
    ]],
    ['runs an overnight window past midnight when `to` is before `from`', 'Asia/Tokyo', layer({ kind: 'daily', from: '18:00', to: '09:00' }), '2025-06-02T00:00', '2025-06-03T12:00', [
      'bob Mon 02 00:00→Mon 02 09:00 (9h)',
      'ann Mon 02 18:00→Tue 03 09:00 (15h)',
    ]],
    ['splits a window where the rotation hands over inside it', 'Asia/Tokyo', layer({ kind: 'daily', from: '09:00', to: '17:00' }, { handoffTime: '12:00' }), '2025-06-02T00:00', '2025-06-03T00:00', [
      'bob Mon 02 09:00→Mon 02 12:00 (3h)',
      'ann Mon 02 12:00→Mon 02 17:00 (5h)',
    ]],
    ['a night window is an hour shorter on the New York spring-forward night', 'America/New_York', layer({ kind: 'daily', from: '00:00', to: '06:00' }), '2025-03-09T00:00', '2025-03-10T00:00', [
      'ann Sun 09 00:00→Sun 09 06:00 (5h)',
    ]],
    ['a night window is an hour longer on the New York fall-back night', 'America/New_York', layer({ kind: 'daily', from: '00:00', to: '06:00' }), '2025-11-02T00:00', '2025-11-03T00:00', [
      'ann Sun 02 00:00→Sun 02 06:00 (7h)',
    ]],
    ['a window starting in the spring gap opens when the clocks jump (02:30 → 03:00)', 'America/New_York', layer({ kind: 'daily', from: '02:30', to: '05:00' }), '2025-03-09T00:00', '2025-03-10T00:00', [
      'ann Sun 09 03:00→Sun 09 05:00 (2h)',
    ]],
    ['a window on the Lord Howe spring-forward night is 30 minutes shorter', 'Australia/Lord_Howe', layer({ kind: 'daily', from: '00:00', to: '06:00' }), '2025-10-05T00:00', '2025-10-06T00:00', [
      'ann Sun 05 00:00→Sun 05 06:00 (5.5h)',
    ]],
    ['a window on the London fall-back night is an hour longer', 'Europe/London', layer({ kind: 'daily', from: '00:00', to: '06:00' }), '2025-10-26T00:00', '2025-10-27T00:00', [
      'bob Sun 26 00:00→Sun 26 06:00 (7h)',
    ]],
    ['from equal to to means all day: no restriction', 'Asia/Tokyo', layer({ kind: 'daily', from: '09:00', to: '09:00' }), '2025-06-02T00:00', '2025-06-03T00:00', [
      'bob Mon 02 00:00→Mon 02 09:00 (9h)',
      'ann Mon 02 09:00→Tue 03 00:00 (15h)',
    ]],
  ])('%s', (_case, zone, l, from, to, expected) => {
    expect(shiftsIn(zone, l, from, to)).toEqual(expected);
  });
});

describe('weekly restrictions', () => {
  const weekdays = ([1, 2, 3, 4, 5] as const).map((d) => ({ fromDay: d, from: '09:00', toDay: d, to: '18:00' }));
  it.each([
    ['weekend cover from Friday 18:00 to Monday 09:00, weekly rotation', 'Europe/London',
      layer({ kind: 'weekly', windows: [{ fromDay: 5, from: '18:00', toDay: 1, to: '09:00' }] }, { rotation: { unit: 'weeks', length: 1 }, startDate: '2025-06-02' }),
      '2025-06-02T00:00', '2025-06-16T00:00', [
        'ann Fri 06 18:00→Mon 09 09:00 (63h)',
        'bob Fri 13 18:00→Mon 16 00:00 (54h)',
      ]],
    ['business hours as five windows; the weekend is empty', 'America/New_York', layer({ kind: 'weekly', windows: weekdays }, { participants: ['ann'] }), '2025-06-06T00:00', '2025-06-10T00:00', [
      'ann Fri 06 09:00→Fri 06 18:00 (9h)',
      'ann Mon 09 09:00→Mon 09 18:00 (9h)',
    ]],
    ['a Sunday-night window wraps into Monday', 'Asia/Tokyo', layer({ kind: 'weekly', windows: [{ fromDay: 7, from: '20:00', toDay: 1, to: '08:00' }] }, { participants: ['ann'] }), '2025-06-01T00:00', '2025-06-09T00:00', [
      'ann Sun 01 20:00→Mon 02 08:00 (12h)',
      'ann Sun 08 20:00→Mon 09 00:00 (4h)',
    ]],
    ['a window ending on its own day before it starts runs almost the whole week', 'Asia/Tokyo', layer({ kind: 'weekly', windows: [{ fromDay: 1, from: '18:00', toDay: 1, to: '09:00' }] }, { participants: ['ann'] }), '2025-06-02T00:00', '2025-06-10T00:00', [
      'ann Mon 02 00:00→Mon 02 09:00 (9h)',
      'ann Mon 02 18:00→Mon 09 09:00 (159h)',
      'ann Mon 09 18:00→Tue 10 00:00 (6h)',
    ]],
    ['a window ending exactly where it starts covers the whole week', 'Asia/Tokyo', layer({ kind: 'weekly', windows: [{ fromDay: 3, from: '10:00', toDay: 3, to: '10:00' }] }, { participants: ['ann'], startDate: '2025-06-02' }), '2025-06-02T09:00', '2025-06-03T09:00', [
      'ann Mon 02 09:00→Tue 03 09:00 (24h)',
    ]],
    ['overlapping windows are merged, not doubled', 'Asia/Tokyo', layer({ kind: 'weekly', windows: [{ fromDay: 2, from: '09:00', toDay: 2, to: '15:00' }, { fromDay: 2, from: '12:00', toDay: 2, to: '18:00' }] }, { participants: ['ann'] }), '2025-06-03T00:00', '2025-06-04T00:00', [
      'ann Tue 03 09:00→Tue 03 18:00 (9h)',
    ]],
    ['a weekend window spanning London spring-forward is an hour shorter', 'Europe/London', layer({ kind: 'weekly', windows: [{ fromDay: 6, from: '00:00', toDay: 1, to: '00:00' }] }, { participants: ['ann'] }), '2025-03-29T00:00', '2025-03-31T00:00', [
      'ann Sat 29 00:00→Mon 31 00:00 (47h)',
    ]],
  ])('%s', (_case, zone, l, from, to, expected) => {
    expect(shiftsIn(zone, l, from, to)).toEqual(expected);
  });
});
