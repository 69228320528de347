import { describe, expect, it } from 'vitest';
import { fixture, context } from './fixtures.test-helper.js';
import { parseAlertPayload } from './index.js';

describe('Grafana alerting webhook v1', () => {
  it('reads the Alertmanager body Grafana extends, with its silence link, and no empty dashboard link', () => {
    const [event] = parseAlertPayload('grafana', fixture('grafana', 'firing'), context);
    expect(event).toMatchObject({
      dedupKey: 'c6eadffa33fcdf37',
      action: 'trigger',
      occurredAt: '2021-10-12T07:51:03.157Z',
      title: 'High memory usage',
      summary: 'This alert was triggered for zone us-1',
      severity: 'warning',
      sourceSeverity: null,
      groupKey: '{}:{}',
      labels: { alertname: 'High memory usage', team: 'blue', zone: 'us-1', grafana_folder: 'Infra' },
    });
    expect(event!.links.map((link) => link.text)).toEqual(['Source', 'Runbook', 'Silence']);
  });

  it('refuses a custom payload template body, saying the alerts list is missing', () => {
    expect(() => parseAlertPayload('grafana', fixture('grafana', 'custom-template'), context)).toThrow('alerts: is required');
  });
});
