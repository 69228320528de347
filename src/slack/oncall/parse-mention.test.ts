import { describe, expect, it } from 'vitest';
import { pageRequest, parseOncallMention, type OncallAsk } from './parse-mention.js';

const APP = { userId: 'U0APP', handle: 'hikeshi' };

describe('parseOncallMention', () => {
  it.each<[string, OncallAsk | undefined]>([
    ['<@U0APP> oncall can someone look at refunds?', { text: 'can someone look at refunds?', mayName: true }],
    ['<@U0APP|hikeshi> oncall payments', { text: 'payments', mayName: true }],
    ['<@U0APP> OnCall: payments refunds fail', { text: 'payments refunds fail', mayName: true }],
    ['<@U0APP> on-call', { text: '', mayName: true }],
    ['<@U0APP> @oncall checkout\nline two', { text: 'checkout\nline two', mayName: true }],
    ['hey <@U0APP> oncall please', { text: 'hey oncall please', mayName: false }],
    ['<@U0APP> who is oncall today?', { text: 'who is oncall today?', mayName: false }],
    ['<@U0APP> (oncall) anyone?', { text: '(oncall) anyone?', mayName: false }],
    ['<@U0APP> hello', undefined],
    ['<@U0APP> oncallers unite', undefined],
    ['<@U0OTHER> oncall', { text: '<@U0OTHER> oncall', mayName: false }],
  ])('%j', (text, ask) => {
    expect(parseOncallMention(text, APP)).toEqual(ask);
  });

  it('takes any mention of an app whose handle is oncall as a request, its words as the question', () => {
    const app = { userId: 'U0APP', handle: 'oncall' };
    expect(parseOncallMention('<@U0APP> payments refunds fail', app)).toEqual({ text: 'payments refunds fail', mayName: true });
    expect(parseOncallMention('<@U0APP>', app)).toEqual({ text: '', mayName: true });
    expect(parseOncallMention('<@U0APP> oncall payments', app)).toEqual({ text: 'payments', mayName: true });
  });
});

describe('pageRequest', () => {
  it.each<[string, string | undefined]>([
    ['page db is down', 'db is down'],
    ['PAGE  payments: refunds fail\nsince 14:00', 'payments: refunds fail\nsince 14:00'],
    ['page', ''],
    ['pager duty is broken', undefined],
    ['payments page', undefined],
    ['', undefined],
  ])('%j', (text, message) => {
    expect(pageRequest(text)).toBe(message);
  });
});
