import { describe, expect, it } from 'vitest';
import { DATADOG_TEMPLATE } from './datadog.js';
import { fixture, context } from './fixtures.test-helper.js';
import { parseAlertPayload } from './index.js';

describe('Datadog webhook (Hikeshi template)', () => {
  it('keys a triggered monitor by its alert cycle key, severity from its priority, labels from its tags', () => {
    const [event] = parseAlertPayload('datadog', fixture('datadog', 'triggered'), context);
    expect(event).toMatchObject({
      dedupKey: '7480593012345678000',
      action: 'trigger',
      occurredAt: new Date(1763629200000).toISOString(),
      title: 'API p99 latency is high on host:ip-10-0-1-12',
      severity: 'error',
      sourceSeverity: 'P2',
      groupKey: 'a1b2c3d4e5f6',
      labels: { env: 'prod', service: 'api', team: 'payments', monitor_id: '123456789', event_type: 'query_alert_monitor' },
      links: [{ href: 'https://app.datadoghq.com/event/event?id=7480593012345678901', text: 'Datadog' }],
    });
  });

  it('without a cycle key falls back to monitor id and scope, and Recovered resolves', () => {
    const [event] = parseAlertPayload('datadog', fixture('datadog', 'recovered-without-cycle-key'), context);
    expect(event).toMatchObject({ dedupKey: '123456789|host:ip-10-0-1-12', action: 'resolve', links: [] });
  });

  it.each([
    ['Re-Triggered', {}, 'trigger', 'error'],
    ['Renotify', {}, 'trigger', 'error'],
    ['Warn', { alert_type: 'warning' }, 'trigger', 'warning'],
    ['No Data', { alert_type: 'error' }, 'trigger', 'warning'],
    ['Triggered', { alert_type: 'info' }, 'trigger', 'info'],
    ['Triggered', { alert_priority: 'P1' }, 'trigger', 'critical'],
    ['Triggered', { alert_priority: 'P5' }, 'trigger', 'info'],
  ])('transition %s with %o is a %s at %s', (transition, extra, action, severity) => {
    const body = { ...fixture('datadog', 'triggered'), alert_priority: '', transition, ...extra };
    expect(parseAlertPayload('datadog', body, context)[0]).toMatchObject({ action, severity });
  });

  it('refuses a body with neither cycle key nor monitor id (unsubstituted variables count as missing)', () => {
    const body = { ...fixture('datadog', 'triggered'), alert_cycle_key: '$ALERT_CYCLE_KEY', alert_id: '' };
    expect(() => parseAlertPayload('datadog', body, context)).toThrow('alert_cycle_key: or alert_id is required');
  });

  it('the shipped template parses as it is (as Datadog’s “Test” button sends it)', () => {
    expect(() => parseAlertPayload('datadog', DATADOG_TEMPLATE, context)).toThrow('alert_cycle_key');
    const [event] = parseAlertPayload('datadog', { ...DATADOG_TEMPLATE, alert_id: '42' }, context);
    expect(event).toMatchObject({ dedupKey: '42|', action: 'trigger', severity: 'warning', occurredAt: context.receivedAt });
  });
});
