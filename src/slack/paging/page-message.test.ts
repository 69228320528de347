import { describe, expect, it } from 'vitest';
import { ACTION } from '../action-ids.js';
import { pageMessage, type PageMessageContent } from './page-message.js';

const base: PageMessageContent = {
  pageId: 'pg_1',
  pageNumber: 12,
  message: 'Payments DB <primary> is down',
  details: 'Replication lag 900 s\nWrites failing',
  level: 2,
  cycle: 1,
  policyName: 'Payments',
  status: 'triggered',
  incident: { reference: 'INC-7', title: 'Refunds failing', url: 'https://h.example.com/incidents/inc_1' },
  pageUrl: 'https://h.example.com/pages/pg_1',
  createdByName: 'Support Sam',
  acknowledged: null,
  resolved: null,
};

const ACK_AT = '2026-12-01T14:02:00.000Z';
const buttonsOf = (content: PageMessageContent) =>
  (pageMessage(content).blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.elements : [])).map((e) => ('action_id' in e ? e.action_id : ''));
const allText = (content: PageMessageContent) => JSON.stringify(pageMessage(content).blocks);

describe('a page direct message', () => {
  it.each([
    ['a triggered page offers Acknowledge (primary) and Resolve', base, [ACTION.acknowledgePage, ACTION.resolvePage]],
    ['an acknowledged page keeps only Resolve', { ...base, status: 'acknowledged' as const, acknowledged: { name: 'Mia', at: ACK_AT } }, [ACTION.resolvePage]],
    ['a resolved page has no buttons', { ...base, status: 'resolved' as const, resolved: { name: 'Mia', at: ACK_AT } }, []],
  ])('%s', (_title, content, expected) => {
    expect(buttonsOf(content)).toEqual(expected);
  });

  it('the buttons carry the page id and Acknowledge is the primary one', () => {
    const actions = pageMessage(base).blocks!.find((b) => b.type === 'actions');
    expect(actions).toMatchObject({
      elements: [
        { action_id: ACTION.acknowledgePage, value: 'pg_1', style: 'primary' },
        { action_id: ACTION.resolvePage, value: 'pg_1' },
      ],
    });
  });

  it('shows message, details, level with its repeat, policy, incident link and page link, Slack markup escaped', () => {
    const text = allText(base);
    expect(text).toContain('Payments DB &lt;primary&gt; is down');
    expect(text).toContain('> Replication lag 900 s\\n> Writes failing');
    expect(text).toContain('Level 2 (repeat 1)');
    expect(text).toContain('Policy *Payments*');
    expect(text).toContain('<https://h.example.com/incidents/inc_1|INC-7 Refunds failing>');
    expect(text).toContain('<https://h.example.com/pages/pg_1|Open page #12 in Hikeshi>');
  });

  it('the fallback text says the same in one line, for notifications', () => {
    expect(pageMessage(base).text).toBe(
      'Page #12: Payments DB &lt;primary&gt; is down (level 2 of Payments, paged by Support Sam). Acknowledge or resolve it here or in Hikeshi. https://h.example.com/pages/pg_1',
    );
  });

  it('once acknowledged it says by whom and when, in the reader\'s time zone, text included', () => {
    const acknowledged = { ...base, status: 'acknowledged' as const, acknowledged: { name: 'Mia <M>', at: ACK_AT } };
    const seconds = Date.parse(ACK_AT) / 1000;
    expect(allText(acknowledged)).toContain(`Acknowledged by Mia &lt;M&gt; at <!date^${seconds}^{time}|${ACK_AT}>`);
    expect(pageMessage(acknowledged).text).toContain(`Acknowledged by Mia &lt;M&gt; at <!date^${seconds}^{time}|${ACK_AT}>`);
  });

  it('a resolved page says who resolved it even when it was acknowledged first', () => {
    const resolved = { ...base, status: 'resolved' as const, acknowledged: { name: 'Mia', at: ACK_AT }, resolved: { name: 'Olivia', at: ACK_AT } };
    expect(allText(resolved)).toContain('Resolved by Olivia');
    expect(allText(resolved)).not.toContain('Acknowledged by');
  });

  it('without details, incident or a known address there is no details block and no links', () => {
    const bare = { ...base, details: '', incident: null, pageUrl: null, policyName: null, cycle: 0 };
    const message = pageMessage(bare);
    expect(message.blocks!.map((b) => b.type)).toEqual(['section', 'context', 'actions']);
    expect(allText(bare)).not.toContain('http');
    expect(message.text).toBe('Page #12: Payments DB &lt;primary&gt; is down (level 2, paged by Support Sam). Acknowledge or resolve it here or in Hikeshi.');
  });
});
