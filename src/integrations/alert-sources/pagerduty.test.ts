import { describe, expect, it } from 'vitest';
import { fixture, context } from './fixtures.test-helper.js';
import { parseAlertPayload } from './index.js';

describe('PagerDuty Events API v2', () => {
  it('maps a trigger: summary as title, severity as sent, component/group/class as labels, and never keeps the routing key', () => {
    const [event] = parseAlertPayload('pagerduty', fixture('pagerduty', 'trigger'), context);
    expect(event).toMatchObject({
      dedupKey: 'srv01/mysql',
      action: 'trigger',
      occurredAt: '2015-07-17T08:42:58.315Z',
      title: 'DISK at 99% on machine prod-datapipe03.example.com',
      severity: 'critical',
      labels: { source: 'prod-datapipe03.example.com', component: 'mysql', group: 'prod-datapipe', class: 'disk' },
      annotations: { 'free space': '1%', 'ping time': '1500ms', 'load avg': '0.75' },
      links: [{ href: 'http://pagerduty.example.com', text: 'An example link.' }, { href: 'https://monitoring.service.com', text: 'Sample Monitoring Service' }],
    });
    expect(JSON.stringify(event!.payload)).not.toContain('e93facc04764012d7bfb002500d5d1a6');
  });

  it('gives a trigger without dedup_key a fresh key', () => {
    expect(parseAlertPayload('pagerduty', fixture('pagerduty', 'trigger-without-dedup-key'), context)[0]).toMatchObject({ dedupKey: 'generated-key', severity: 'info' });
  });

  it.each([['acknowledge'], ['resolve']])('%s needs only the dedup_key', (action) => {
    expect(parseAlertPayload('pagerduty', fixture('pagerduty', action), context)[0]).toMatchObject({ dedupKey: 'srv01/mysql', action });
  });

  it.each([
    ['a trigger without payload', { event_action: 'trigger', payload: undefined }, 'payload: is required for a trigger'],
    ['a resolve without dedup_key', { event_action: 'resolve', dedup_key: undefined }, 'dedup_key: is required for resolve'],
    ['an unknown action', { event_action: 'escalate' }, 'event_action: must be one of trigger, acknowledge, resolve'],
    ['a severity outside the four', { payload: { summary: 's', source: 'h', severity: 'major' } }, 'payload.severity: must be one of critical, error, warning, info'],
    ['a summary over 1024 characters', { payload: { summary: 'x'.repeat(1025), source: 'h', severity: 'info' } }, 'payload.summary'],
    ['a dedup_key over 255 characters', { dedup_key: 'k'.repeat(256) }, 'dedup_key'],
  ])('refuses %s', (_case, change, message) => {
    const body = JSON.parse(JSON.stringify({ ...fixture('pagerduty', 'trigger'), ...change }));
    expect(() => parseAlertPayload('pagerduty', body, context)).toThrow(message);
  });
});
