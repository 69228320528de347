import { describe, expect, it } from 'vitest';
import type { PostmortemReminder } from '../../usecases/postmortems/read-reminder.js';
import { reminderText } from './reminder-text.js';

const reminder: PostmortemReminder = {
  incidentId: 'i1',
  reference: 'INC-12',
  title: 'Checkout errors',
  meetingAt: '2026-12-03T01:00:00.000Z',
  timeZone: 'Asia/Tokyo',
  language: 'en',
  percent: 66,
  missing: [
    { label: { en: 'Timeline reviewed', ja: 'タイムラインが確認済み' }, reason: { en: 'nobody has marked the timeline as reviewed', ja: 'タイムラインの確認済みマークがありません' } },
    { label: { en: 'Root cause written', ja: '根本原因が書かれている' }, reason: { en: 'section "root-causes" is empty', ja: 'セクション「root-causes」が空です' } },
  ],
  recipients: [{ userId: 'u1', name: 'Mia', slackUserId: 'U1' }],
  url: null,
};

describe('reminderText', () => {
  it.each([
    [
      'English, meeting time in the team zone, every missing item with its reason',
      reminder,
      'The postmortem review of *INC-12: Checkout errors* is at 2026-12-03 10:00 (Asia/Tokyo). It is 66% ready; still missing:\n' +
        '• Timeline reviewed: nobody has marked the timeline as reviewed\n' +
        '• Root cause written: section "root-causes" is empty',
    ],
    [
      'Japanese, linking the postmortem when the web address is known',
      { ...reminder, language: 'ja' as const, missing: reminder.missing.slice(1), url: 'https://hikeshi.example.com/incidents/INC-12/postmortem' },
      'ポストモーテム <https://hikeshi.example.com/incidents/INC-12/postmortem|INC-12: Checkout errors> のレビュー会議は 2026-12-03 10:00 (Asia/Tokyo) です。準備は 66% で、次の項目が残っています:\n' +
        '• 根本原因が書かれている: セクション「root-causes」が空です',
    ],
    [
      'people’s text that Slack would read as markup is escaped',
      { ...reminder, title: 'Errors <5xx> & timeouts', missing: [{ label: { en: 'Action items' }, reason: { en: '"Fix <retry>" has no owner' } }] },
      'The postmortem review of *INC-12: Errors &lt;5xx&gt; &amp; timeouts* is at 2026-12-03 10:00 (Asia/Tokyo). It is 66% ready; still missing:\n' +
        '• Action items: "Fix &lt;retry&gt;" has no owner',
    ],
  ])('%s', (_, input, text) => {
    expect(reminderText(input)).toBe(text);
  });
});
