import { describe, expect, it } from 'vitest';
import { postMoments, type PostTime } from './weekly-post.js';

const tokyo: PostTime = { day: 'monday', time: '10:00', timeZone: 'Asia/Tokyo' };
const iso = (at: number) => new Date(at).toISOString();

describe('postMoments', () => {
  it.each([
    ['Sunday night: the latest was last Monday (W47), the next is tomorrow 10:00 JST for W48', tokyo, '2026-11-29T14:00:00Z', ['2026-11-23T01:00:00.000Z', '2026-W47'], ['2026-11-30T01:00:00.000Z', '2026-W48']],
    ['exactly Monday 10:00 JST: due now, for the week just ended', tokyo, '2026-11-30T01:00:00Z', ['2026-11-30T01:00:00.000Z', '2026-W48'], ['2026-12-07T01:00:00.000Z', '2026-W49']],
    ['Monday 09:59 JST: not yet', tokyo, '2026-11-30T00:59:00Z', ['2026-11-23T01:00:00.000Z', '2026-W47'], ['2026-11-30T01:00:00.000Z', '2026-W48']],
    ['back after downtime on Tuesday: Monday’s post is still the latest to make', tokyo, '2026-12-01T03:00:00Z', ['2026-11-30T01:00:00.000Z', '2026-W48'], ['2026-12-07T01:00:00.000Z', '2026-W49']],
    ['the first Monday of 2027 posts ISO week 53 of 2026', tokyo, '2027-01-04T02:00:00Z', ['2027-01-04T01:00:00.000Z', '2026-W53'], ['2027-01-11T01:00:00.000Z', '2027-W01']],
    ['New York across the spring DST change: 10:00 EDT is 14:00 UTC', { day: 'monday', time: '10:00', timeZone: 'America/New_York' } as PostTime, '2026-03-08T12:00:00Z', ['2026-03-02T15:00:00.000Z', '2026-W09'], ['2026-03-09T14:00:00.000Z', '2026-W10']],
  ])('%s', (_title, post, now, latest, next) => {
    const moments = postMoments(post, Date.parse(now));
    expect([iso(moments.latest.at), moments.latest.week]).toEqual(latest);
    expect([iso(moments.next.at), moments.next.week]).toEqual(next);
  });
});
