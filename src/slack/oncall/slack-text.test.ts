import { describe, expect, it } from 'vitest';
import { mentionedUsers, plainText } from './slack-text.js';

describe('plainText', () => {
  it.each([
    ['refunds &amp; payouts &lt;3 &gt; 2', 'refunds & payouts <3 > 2'],
    ['cc <@U0BOB> and <@W0ANN|ann>', 'cc @Bob Ito and @ann'],
    ['cc <@U0ZED>', 'cc @U0ZED'],
    ['<!here> <!channel|channel> <!everyone>', '@here @channel @everyone'],
    ['<!subteam^S123|@sre> and <!subteam^S456>', '@sre and @group'],
    ['see <#C123|payments> or <#C456>', 'see #payments or #C456'],
    ['<https://status.example.com|status.example.com> and <https://x.example/a|the runbook> and <mailto:a@b.c|a@b.c>', 'https://status.example.com and the runbook (https://x.example/a) and mailto:a@b.c'],
    ['<!date^1700000000^{date}|Nov 14>', 'Nov 14'],
  ])('%j', (text, plain) => {
    expect(plainText(text, new Map([['U0BOB', 'Bob Ito']]))).toBe(plain);
  });
});

describe('mentionedUsers', () => {
  it('lists each mentioned user once, in order', () => {
    expect(mentionedUsers('<@U0B> <@W0A|a> <@U0B> <#C1> <!here>')).toEqual(['U0B', 'W0A']);
  });
});
