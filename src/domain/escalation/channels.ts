import type { Person } from './recipients.js';

export type Channel = 'slack' | 'email' | 'webhook';

/** Which ways of reaching people this installation has. */
export interface ChannelAvailability {
  slack: boolean;
  email: boolean;
}

export type Delivery = { channel: Channel; error: null } | { channel: Channel; error: string };

/**
 * How a person is paged: a Slack DM when they have a Slack account and Slack is set up, and
 * an e-mail when SMTP is. Someone reachable neither way gets one failed delivery saying
 * why, so the gap shows on the page instead of passing in silence.
 */
export function personDeliveries(person: Person, available: ChannelAvailability): Delivery[] {
  const deliveries: Delivery[] = [];
  if (available.slack && person.slackUserId) deliveries.push({ channel: 'slack', error: null });
  if (available.email && person.email) deliveries.push({ channel: 'email', error: null });
  if (deliveries.length) return deliveries;
  const slack = !available.slack ? 'Slack is not configured' : `${person.name} has no Slack account linked`;
  const email = !available.email ? 'e-mail (SMTP) is not configured' : `${person.name} has no e-mail address`;
  return [{ channel: available.slack ? 'slack' : 'email', error: `Not reachable: ${slack} and ${email}.` }];
}
