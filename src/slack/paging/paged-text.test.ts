import { describe, expect, it } from 'vitest';
import type { PageNotificationView, PageView } from '../../usecases/paging/page-view.js';
import { pageLink, pagedText } from './paged-text.js';

const notification = (name: string, level: number, status: PageNotificationView['status'], error: string | null = null): PageNotificationView => ({
  id: `n-${name}-${level}`,
  level,
  cycle: 0,
  recipient: { type: 'user', id: `u-${name}`, name },
  channel: 'slack',
  status,
  error,
  createdAt: '2026-12-01T14:00:00.000Z',
  sentAt: null,
});

const page = (notifications: PageNotificationView[], extra: Partial<PageView> = {}): PageView =>
  ({ id: 'pg_1', number: 4, message: 'db <down>\nsince 14:00', level: 2, cycle: 0, nextEscalationAt: null, notifications, ...extra }) as PageView;

const policy = { type: 'policy' as const, id: 'p1', name: 'Payments', chosen: 'named' as const };

describe('the answer to /oncall page', () => {
  it('names the people of the level just notified once each (Slack and email), not the earlier level', () => {
    const text = pagedText(page([notification('Mia', 1, 'sent'), notification('Adam', 2, 'pending'), notification('Adam', 2, 'sent'), notification('Sam', 2, 'sent')]), policy, 'https://h.example.com/pages/pg_1');
    expect(text).toBe(':pager: Paged: Adam, Sam, <https://h.example.com/pages/pg_1|page #4> via escalation policy *Payments*.\n> db &lt;down&gt;\n> since 14:00');
  });

  it('says who cannot be reached and why, and when nobody could be notified, when it escalates', () => {
    const text = pagedText(
      page([notification('Gus', 2, 'failed', 'no Slack account or email')], { nextEscalationAt: '2026-12-01T14:10:00.000Z' }),
      { ...policy, chosen: 'default' },
      null,
    );
    expect(text.split('\n')).toEqual([
      ':pager: Paged: nobody yet, page #4 via escalation policy *Payments* (the default).',
      ':warning: Cannot be reached: Gus (no Slack account or email).',
      `Nobody could be notified at level 2; it escalates <!date^${Date.parse('2026-12-01T14:10:00.000Z') / 1000}^{time}|2026-12-01T14:10:00.000Z>.`,
      '> db &lt;down&gt;',
      '> since 14:00',
    ]);
  });

  it('says so when nobody could be notified and nothing escalates (a schedule with nobody on call)', () => {
    const text = pagedText(page([]), { type: 'schedule', id: 's1', name: 'Primary', chosen: 'default' }, null);
    expect(text.split('\n').slice(0, 2)).toEqual([
      ':pager: Paged: nobody yet, page #4 via schedule *Primary* (the default).',
      'Nobody could be notified and this page does not escalate: page an escalation policy or someone else.',
    ]);
  });

  it('links the page only when the public address is known', () => {
    expect(pageLink('https://h.example.com/', 'pg_1')).toBe('https://h.example.com/pages/pg_1');
    expect(pageLink(undefined, 'pg_1')).toBeNull();
  });
});
