import { describe, expect, it } from 'vitest';
import { fixture, context } from './fixtures.test-helper.js';
import { parseAlertPayload } from './index.js';

describe('generic JSON', () => {
  it('reads one alert object', () => {
    expect(parseAlertPayload('generic', fixture('generic', 'one-alert'), context)).toEqual([
      {
        dedupKey: 'checkout-error-rate',
        action: 'trigger',
        occurredAt: '2026-11-20T08:59:00.000Z',
        title: 'Checkout error rate above 5%',
        summary: '5xx ratio 7.2% over 5 minutes',
        severity: 'error',
        sourceSeverity: 'major',
        labels: { service: 'checkout', env: 'prod' },
        annotations: { dashboard: 'checkout-overview' },
        groupKey: 'checkout',
        links: [{ href: 'https://grafana.example.org/d/checkout', text: 'Dashboard' }],
        payload: fixture('generic', 'one-alert'),
      },
    ]);
  });

  it('reads a batch in order; without dedupKey the title is the key; no severity is a warning', () => {
    const events = parseAlertPayload('generic', fixture('generic', 'batch'), context);
    expect(events.map((e) => [e.dedupKey, e.action, e.severity])).toEqual([
      ['disk:db-1', 'trigger', 'warning'],
      ['disk:db-2', 'resolve', 'warning'],
      ['Nightly backup failed', 'trigger', 'warning'],
    ]);
  });

  it.each([
    ['a bad status in a batch', { alerts: [{ title: 't', status: 'open' }] }, 'alerts[0].status: must be one of firing, acknowledged, resolved'],
    ['an alert without title', { dedupKey: 'k' }, 'title: is required'],
    ['an empty batch', { alerts: [] }, 'alerts'],
    ['a numeric label', { title: 't', labels: { replicas: 3 } }, 'labels.replicas'],
    ['not an object at all', [1, 2], 'body'],
  ])('refuses %s, naming the field', (_case, body, message) => {
    expect(() => parseAlertPayload('generic', body, context)).toThrow(message);
  });
});
