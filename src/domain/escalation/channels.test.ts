import { describe, expect, it } from 'vitest';
import { personDeliveries } from './channels.js';
import type { Person } from './recipients.js';

const ann: Person = { id: 'u1', name: 'Ann', email: 'ann@example.com', slackUserId: 'U1' };
const noSlack: Person = { ...ann, slackUserId: null };

describe('personDeliveries', () => {
  const cases = [
    { name: 'Slack and e-mail both when both are set up', person: ann, slack: true, email: true, expected: [{ channel: 'slack', error: null }, { channel: 'email', error: null }] },
    { name: 'Slack only when SMTP is not configured', person: ann, slack: true, email: false, expected: [{ channel: 'slack', error: null }] },
    { name: 'e-mail for a person with no Slack account', person: noSlack, slack: true, email: true, expected: [{ channel: 'email', error: null }] },
    { name: 'a failed Slack delivery saying why for a person with no Slack account and no SMTP', person: noSlack, slack: true, email: false, expected: [{ channel: 'slack', error: 'Not reachable: Ann has no Slack account linked and e-mail (SMTP) is not configured.' }] },
    { name: 'a failed e-mail delivery when nothing at all is configured', person: ann, slack: false, email: false, expected: [{ channel: 'email', error: 'Not reachable: Slack is not configured and e-mail (SMTP) is not configured.' }] },
  ];
  it.each(cases)('$name', ({ person, slack, email, expected }) => {
    expect(personDeliveries(person, { slack, email })).toEqual(expected);
  });
});
