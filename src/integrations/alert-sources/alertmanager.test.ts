import { describe, expect, it } from 'vitest';
import { fixture, context } from './fixtures.test-helper.js';
import { parseAlertPayload } from './index.js';

describe('Alertmanager webhook v4', () => {
  it('keys each alert by its fingerprint and keeps the group key, labels, links and start time', () => {
    const [event] = parseAlertPayload('alertmanager', fixture('alertmanager', 'firing'), context);
    expect(event).toMatchObject({
      dedupKey: '1a30ba71cca2921f',
      action: 'trigger',
      occurredAt: '2023-02-06T13:08:45.828Z',
      title: 'ProbeFailure',
      summary: 'BlackBox Probe Failure: https://server.example.org',
      severity: 'critical',
      sourceSeverity: 'critical',
      groupKey: '{}/{severity="critical"}:{alertname="ProbeFailure"}',
      labels: { alertname: 'ProbeFailure', instance: 'https://server.example.org', job: 'http_checks', severity: 'critical' },
      links: [
        { href: 'http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0', text: 'Source' },
        { href: 'https://runbooks.example.org/probe', text: 'Runbook' },
      ],
    });
  });

  it.each([
    [0, '5c1d0d3e8f2a7b61', 'resolve', '2026-11-20T08:55:30.000Z', 'warning', 'Pod payments/api-7f9c-abcde is restarting 2.1 times / 10 minutes.'],
    [1, '9e2f41b7aa03c5d8', 'trigger', '2026-11-20T08:41:00.000Z', 'critical', 'Pod is crash looping.'],
  ])('a group still firing carries its resolved member as resolved (alert %i: %s → %s)', (index, key, action, at, severity, summary) => {
    const events = parseAlertPayload('alertmanager', fixture('alertmanager', 'partly-resolved'), context);
    expect(events).toHaveLength(2);
    expect(events[index]).toMatchObject({ dedupKey: key, action, occurredAt: at, severity, summary });
  });

  it('takes the zero endsAt of a firing alert as "not ended", never as year 1', () => {
    const body = fixture('alertmanager', 'firing');
    (body.alerts as Record<string, unknown>[])[0]!.startsAt = '0001-01-01T00:00:00Z';
    expect(parseAlertPayload('alertmanager', body, context)[0]!.occurredAt).toBe(context.receivedAt);
  });

  it.each([
    ['a per-alert status that is neither firing nor resolved', (b: any) => (b.alerts[0].status = 'pending'), 'alerts[0].status: must be one of firing, resolved'],
    ['a missing fingerprint', (b: any) => delete b.alerts[0].fingerprint, 'alerts[0].fingerprint: is required'],
    ['a label value that is not text', (b: any) => (b.alerts[0].labels.severity = 3), 'alerts[0].labels.severity'],
    ['no alerts list', (b: any) => delete b.alerts, 'alerts: is required'],
  ])('refuses %s, naming the field', (_case, spoil, message) => {
    const body = fixture('alertmanager', 'firing');
    spoil(body);
    expect(() => parseAlertPayload('alertmanager', body, context)).toThrow(message);
  });
});
