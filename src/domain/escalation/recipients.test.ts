import { describe, expect, it } from 'vitest';
import type { EscalationTarget } from './policy.js';
import { resolveTargets, type Person, type TargetLookups } from './recipients.js';

const person = (id: string): Person => ({ id, name: id.toUpperCase(), email: `${id}@example.com`, slackUserId: null });
const lookups: TargetLookups = {
  people: new Map(['ann', 'bob', 'cat', 'dan'].map((id) => [id, person(id)])),
  onCall: new Map<string, string[]>([['primary', ['bob']], ['secondary', ['cat']], ['empty', []]]),
  teams: new Map([
    ['payments', { scheduleIds: ['primary', 'secondary'], memberIds: ['ann'] }],
    ['no-schedule', { scheduleIds: [], memberIds: ['dan', 'ann'] }],
    ['nobody', { scheduleIds: [], memberIds: [] }],
    ['gap-team', { scheduleIds: ['empty'], memberIds: ['ann'] }],
  ]),
  webhooks: new Set(['bridge']),
};
const t = (type: EscalationTarget['type'], id: string): EscalationTarget => ({ type, id, name: id });
const ids = (targets: EscalationTarget[]) => {
  const { recipients, problems } = resolveTargets(targets, lookups);
  return { recipients: recipients.map((r) => (r.type === 'user' ? r.person.id : `webhook:${r.name}`)), problems };
};

describe('resolveTargets', () => {
  const cases: { name: string; targets: EscalationTarget[]; recipients: string[]; problems?: number }[] = [
    { name: 'a user is that person', targets: [t('user', 'ann')], recipients: ['ann'] },
    { name: 'a schedule is whoever is on call on it now', targets: [t('schedule', 'primary')], recipients: ['bob'] },
    { name: 'a team with schedules is whoever is on call on each of them, not its members', targets: [t('team', 'payments')], recipients: ['bob', 'cat'] },
    { name: 'a team without schedules is its members', targets: [t('team', 'no-schedule')], recipients: ['dan', 'ann'] },
    { name: 'a person reached by two targets is notified once', targets: [t('schedule', 'primary'), t('user', 'bob'), t('team', 'payments')], recipients: ['bob', 'cat'] },
    { name: 'a webhook is its name', targets: [t('webhook', 'bridge'), t('webhook', 'bridge')], recipients: ['webhook:bridge'] },
    { name: 'a schedule in a gap reaches no one and says so', targets: [t('schedule', 'empty'), t('user', 'ann')], recipients: ['ann'], problems: 1 },
    { name: 'a team whose schedules are all in a gap says so (members are not paged instead)', targets: [t('team', 'gap-team')], recipients: [], problems: 1 },
    { name: 'a team with no schedule and no members says so', targets: [t('team', 'nobody')], recipients: [], problems: 1 },
    { name: 'a deleted user, schedule, team or webhook is reported, the rest still paged', targets: [t('user', 'gone'), t('schedule', 'gone'), t('team', 'gone'), t('webhook', 'gone'), t('user', 'cat')], recipients: ['cat'], problems: 4 },
  ];
  it.each(cases)('$name', ({ targets, recipients, problems = 0 }) => {
    const result = ids(targets);
    expect(result.recipients).toEqual(recipients);
    expect(result.problems).toHaveLength(problems);
  });

  it('names the target in a problem', () => {
    expect(resolveTargets([{ type: 'schedule', id: 'empty', name: 'Payments primary' }], lookups).problems).toEqual(['schedule Payments primary: no one is on call']);
  });
});
