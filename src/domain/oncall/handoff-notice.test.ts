import { describe, expect, it } from 'vitest';
import { guestOnCallChannelText, incomingNoticeText, localTime, MAX_NOTICE_ITEMS, outgoingNoticeText, type IncomingNotice } from './handoff-notice.js';

const shift = { scheduleName: 'Payments', timeZone: 'Europe/London', until: '2026-12-07T09:00:00.000Z' };
const incoming: IncomingNotice = { ...shift, group: { handle: 'oncall', usergroupId: 'S0GROUP' }, guest: false, askWith: '@hikeshi oncall' };

describe('incomingNoticeText', () => {
  it.each<[string, Partial<IncomingNotice>, string]>([
    [
      'a member in a synced group is told the group now reaches them',
      {},
      ':wave: Your on-call shift on *Payments* starts now until Mon 7 Dec 2026, 09:00 (Europe/London).\nPeople reach you with <!subteam^S0GROUP|@oncall>, which Hikeshi keeps set to the people on call, or with `@hikeshi oncall Payments`.',
    ],
    [
      'a guest is told the redirect reaches them, not the group',
      { guest: true },
      ':wave: Your on-call shift on *Payments* starts now until Mon 7 Dec 2026, 09:00 (Europe/London).\nSlack keeps guests out of user groups, so you are not in @oncall: people reach you by mentioning the app, `@hikeshi oncall Payments`, which answers with a mention of you.',
    ],
    ['without a group, a member gets the shift alone', { group: null }, ':wave: Your on-call shift on *Payments* starts now until Mon 7 Dec 2026, 09:00 (Europe/London).'],
    ['a group Slack has not given an id yet is named by handle', { group: { handle: 'oncall', usergroupId: null } }, 'People reach you with @oncall, which'],
    ['a shift with no handoff after it says so', { until: null, group: null }, ':wave: Your on-call shift on *Payments* starts now (no handoff is planned after it yet).'],
    ['the end is shown on the schedule\'s wall clock across the DST change', { timeZone: 'America/New_York', until: '2026-11-02T14:00:00.000Z', group: null }, 'until Mon 2 Nov 2026, 09:00 (America/New_York)'],
    ['names are escaped', { scheduleName: 'A<B>&C', group: null, guest: true }, '*A&lt;B&gt;&amp;C*'],
  ])('%s', (_title, change, expected) => {
    expect(incomingNoticeText({ ...incoming, ...change })).toContain(expected);
  });
});

describe('guestOnCallChannelText', () => {
  it('mentions the guest and says the group still reaches its last member', () => {
    const text = guestOnCallChannelText({ ...shift, person: { name: 'Gus', slackUserId: 'U0GUS' }, group: { handle: 'oncall', usergroupId: 'S1' }, askWith: '@hikeshi oncall' });
    expect(text).toBe(
      ':information_source: <@U0GUS> is on call for *Payments* from now until Mon 7 Dec 2026, 09:00 (Europe/London).\n' +
        'Slack keeps guests out of user groups, so @oncall still reaches its last member; to reach <@U0GUS>, mention the app: `@hikeshi oncall Payments`.',
    );
  });
});

describe('outgoingNoticeText', () => {
  const incident = { reference: 'INC-3', title: 'Refunds <fail>', severity: 'SEV2', status: 'Investigating' };

  it('names who is on call now and lists open incidents and pages', () => {
    const text = outgoingNoticeText({
      scheduleName: 'Payments',
      timeZone: 'Asia/Tokyo',
      next: { name: 'Mia', slackUserId: 'U0MIA' },
      incidents: [incident],
      pages: [{ title: 'Disk full', status: 'triggered', createdAt: '2026-12-01T00:30:00.000Z' }],
    });
    expect(text).toBe(
      [
        ':checkered_flag: Your on-call shift on *Payments* has ended; <@U0MIA> is on call now.',
        '*Open incidents (1):*',
        '• INC-3 · SEV2 · Investigating — Refunds &lt;fail&gt;',
        '*Open pages that notified you (1):*',
        '• Disk full · triggered · since Tue 1 Dec 2026, 09:30',
      ].join('\n'),
    );
  });

  it('says nothing is open, names a gap, and leaves pages out when there is no paging to ask', () => {
    const text = outgoingNoticeText({ scheduleName: 'Payments', timeZone: 'UTC', next: null, incidents: [], pages: null });
    expect(text).toBe(':checkered_flag: Your on-call shift on *Payments* has ended; nobody is on call now (a gap in the schedule).\nNo open incidents.');
  });

  it('lists at most MAX_NOTICE_ITEMS incidents and counts the rest', () => {
    const incidents = Array.from({ length: MAX_NOTICE_ITEMS + 3 }, (_, i) => ({ ...incident, reference: `INC-${i}` }));
    const text = outgoingNoticeText({ scheduleName: 'P', timeZone: 'UTC', next: { name: 'Dana', slackUserId: null }, incidents, pages: [] });
    expect(text).toContain(`*Open incidents (${MAX_NOTICE_ITEMS + 3}):*`);
    expect(text).toContain('…and 3 more.');
    expect(text).toContain('has ended; Dana is on call now.');
    expect(text.endsWith('No open pages notified you.')).toBe(true);
  });
});

describe('localTime', () => {
  it('reads the instant on the zone\'s wall clock, half-hour zones included', () => {
    expect(localTime('2026-04-04T14:00:00.000Z', 'Australia/Lord_Howe')).toBe('Sun 5 Apr 2026, 01:00');
  });
});
