import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../i18n/en.js';
import { interpolate } from '../../i18n/format.js';
import { ja } from '../../i18n/ja.js';
import { policySentence, type SentenceLevel } from './policy-sentence.js';

const i18n = (lang: 'en' | 'ja') => ({ lang, t: (key: MessageKey, vars?: Record<string, string | number>) => interpolate((lang === 'en' ? en : ja)[key], vars) });

const ana = { type: 'user', name: 'Ana' } as const;
const primary = { type: 'schedule', name: 'Primary' } as const;
const twoLevels: SentenceLevel[] = [
  { delayMinutes: 10, targets: [ana] },
  { delayMinutes: 30, targets: [primary] },
];

describe('policySentence', () => {
  it.each([
    ['en', 0, 'Notify Ana; after 10 min, notify whoever is on call on Primary.'],
    ['en', 1, 'Notify Ana; after 10 min, notify whoever is on call on Primary; after 30 min, repeat once.'],
    ['en', 2, 'Notify Ana; after 10 min, notify whoever is on call on Primary; after 30 min, repeat twice.'],
    ['en', 5, 'Notify Ana; after 10 min, notify whoever is on call on Primary; after 30 min, repeat 5 times.'],
    ['ja', 2, 'Ana さんに通知。10 分後に Primary の当番に通知。30 分後に最初から 2 回繰り返す。'],
  ] as const)('%s, repeat %i', (lang, repeat, want) => {
    expect(policySentence(twoLevels, repeat, i18n(lang))).toBe(want);
  });

  it('joins several targets of a level as a list, teams and webhooks named as such', () => {
    const level: SentenceLevel = { delayMinutes: 5, targets: [ana, { type: 'team', name: 'Payments' }, { type: 'webhook', name: 'statuspage' }] };
    expect(policySentence([level], 0, i18n('en'))).toBe('Notify Ana, the on-call of team Payments, and webhook statuspage.');
  });

  it('says so when a level has no target chosen yet', () => {
    expect(policySentence([{ delayMinutes: 5, targets: [] }], 0, i18n('en'))).toBe('Notify nobody yet.');
  });
});
