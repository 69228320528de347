import { describe, expect, it } from 'vitest';
import { pagingLoad, type PageNotice } from './paging-load.js';
import type { WorkingTime } from './types.js';

const working: WorkingTime = {
  timeZone: 'Asia/Tokyo',
  businessHours: { start: '09:00', end: '18:00', days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] },
  sleepHours: { start: '23:00', end: '07:00' },
};
const notice = (pageId: string, level: number, recipientId: string, at: string, zone: string | null = 'Asia/Tokyo'): PageNotice => ({
  pageId, cycle: 0, level, recipientId, recipientName: recipientId, recipientZone: zone, at: Date.parse(at),
});

describe('pagingLoad', () => {
  it('counts one interruption per person per page level, however many channels carried it', () => {
    const load = pagingLoad(
      [
        notice('p1', 0, 'alice', '2026-11-24T00:00:00Z'), // 09:00 Tue JST, Slack
        notice('p1', 0, 'alice', '2026-11-24T00:01:00Z'), // the same level by e-mail
        notice('p1', 1, 'bob', '2026-11-23T17:00:00Z'), // 02:00 JST: sleep
        notice('p2', 0, 'alice', '2026-11-24T10:00:00Z'), // 19:00 JST: off
        notice('p3', 0, 'carol', '2026-11-23T23:59:00Z'), // 08:59 JST: off
      ],
      working,
    );
    expect(load.interruptions).toEqual({ business: 1, off: 2, sleep: 1, total: 4 });
    expect(load.responders.map((r) => [r.userId, r.business, r.off, r.sleep, r.total])).toEqual([
      ['alice', 1, 1, 0, 2],
      ['bob', 0, 0, 1, 1],
      ['carol', 0, 1, 0, 1],
    ]);
    expect(load.hoursWithInterruption).toBe(4);
  });

  it('nobody paged: zeros and no responders', () => {
    expect(pagingLoad([], working)).toEqual({ interruptions: { business: 0, off: 0, sleep: 0, total: 0 }, hoursWithInterruption: 0, responders: [] });
  });
});
