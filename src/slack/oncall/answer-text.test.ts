import { describe, expect, it } from 'vitest';
import type { OnCallEntry } from '../../usecases/oncall/who-is-on-call.js';
import { MAX_LISTED, oncallAnswerText } from './answer-text.js';

const AT = '2026-11-30T12:00:00.000Z';
const UNTIL = '2026-12-07T09:00:00.000Z';
const UNTIL_TOKEN = `<!date^${Date.parse(UNTIL) / 1000}^{date_short_pretty} {time}|${UNTIL}>`;
const gus = { id: 'u1', name: 'Gus Guest', email: 'gus@example.com', slackUserId: 'U0GUS' };
const dana = { id: 'u2', name: 'Dana <Ops>', email: 'dana@example.com', slackUserId: null };
const context = { askerSlackUserId: 'U0ASK', askWith: '@hikeshi oncall' };

function entry(name: string, user: OnCallEntry['user'], extra: Partial<OnCallEntry> = {}): OnCallEntry {
  return { schedule: { id: `s-${name}`, name, timeZone: 'UTC' }, team: null, user, source: null, until: UNTIL, nextHandoff: null, ...extra };
}

describe('oncallAnswerText', () => {
  it('quotes the asker and their words, then mentions the one person on call', () => {
    const text = oncallAnswerText({ kind: 'found', at: AT, scope: { kind: 'default' }, items: [entry('Payments', gus)], question: 'refunds <fail>\n@here help' }, context);
    expect(text).toBe(`:pager: <@U0ASK> asked for the on-call:\n> refunds &lt;fail&gt;\n> @here help\n*Payments*: <@U0GUS> until ${UNTIL_TOKEN}`);
  });

  it('lists each schedule; names a person without Slack and a gap without mentioning them', () => {
    const items = [
      entry('Ops', dana),
      entry('Payments', null, { until: UNTIL, nextHandoff: { at: UNTIL, from: null, to: gus } }),
      entry('Broken', null, { until: null, problem: 'layer-1 has no participants' }),
    ];
    const text = oncallAnswerText({ kind: 'found', at: AT, scope: { kind: 'team', name: 'Checkout' }, items, question: '' }, context);
    expect(text).toBe(
      [
        ':pager: <@U0ASK> asked for the on-call (team *Checkout*):',
        `• *Ops*: Dana &lt;Ops&gt; _(no Slack account linked in Hikeshi, so not notified here)_ until ${UNTIL_TOKEN}`,
        `• *Payments*: nobody is on call right now; Gus Guest takes over ${UNTIL_TOKEN}.`,
        '• *Broken*: cannot be read right now (layer-1 has no participants).',
      ].join('\n'),
    );
  });

  it('says so when no schedule applies', () => {
    expect(oncallAnswerText({ kind: 'found', at: AT, scope: { kind: 'default' }, items: [], question: '' }, context)).toBe(
      ':pager: <@U0ASK> asked for the on-call:\nHikeshi has no on-call schedules yet, so nobody was notified.',
    );
    expect(oncallAnswerText({ kind: 'found', at: AT, scope: { kind: 'service', name: 'api' }, items: [], question: '' }, context)).toContain(
      'No on-call schedule covers the *api* service',
    );
  });

  it('lists at most MAX_LISTED schedules and says how many more there are', () => {
    const items = Array.from({ length: MAX_LISTED + 2 }, (_, i) => entry(`S${i}`, gus, { until: null }));
    const text = oncallAnswerText({ kind: 'found', at: AT, scope: { kind: 'default' }, items, question: '' }, context);
    expect(text.split('\n')).toHaveLength(1 + MAX_LISTED + 1);
    expect(text).toMatch(/…and 2 more schedules: ask for one by name \(`@hikeshi oncall <schedule>`\)\.$/);
  });

  it('answers an unknown name with the schedules that exist, mentioning no one', () => {
    const text = oncallAnswerText({ kind: 'unknown', at: AT, name: 'paymnts', schedules: ['Payments', 'Platform'] }, context);
    expect(text).toBe(
      ':grey_question: `paymnts` is not an on-call schedule, team or service in Hikeshi. Schedules: *Payments*, *Platform*.\n' +
        'Ask `@hikeshi oncall <schedule, team or service> [question]`, or `@hikeshi oncall` alone for everyone on call.',
    );
  });
});
