import { describe, expect, it } from 'vitest';
import { fixture, context } from './fixtures.test-helper.js';
import { parseAlertPayload } from './index.js';

describe('Waroom events', () => {
  it('keys by aggregation_key; detected fires at Waroom’s severity', () => {
    expect(parseAlertPayload('waroom', fixture('waroom', 'detected'), context)[0]).toMatchObject({
      dedupKey: 'test_aggregation_key_1',
      action: 'trigger',
      title: 'Test Alert',
      summary: 'Test notification triggered',
      severity: 'info',
      labels: { waroom_status: 'detected' },
    });
  });

  it.each([
    ['detected', 'trigger'],
    ['investigating', 'trigger'],
    ['fixing', 'trigger'],
    ['resolved', 'resolve'],
    ['close', 'resolve'],
  ])('status %s is a %s', (status, action) => {
    const body = fixture('waroom', 'close');
    (body.event as Record<string, unknown>).status = status;
    expect(parseAlertPayload('waroom', body, context)[0]!.action).toBe(action);
  });

  it.each([
    ['critical', 'critical'],
    ['high', 'error'],
    ['low', 'warning'],
    ['info', 'info'],
    ['urgent', 'warning'],
  ])('severity %s maps to %s (Waroom’s own table)', (sent, severity) => {
    const body = fixture('waroom', 'detected');
    (body.event as Record<string, unknown>).severity = sent;
    expect(parseAlertPayload('waroom', body, context)[0]).toMatchObject({ severity, sourceSeverity: sent });
  });

  it('refuses "closed" (Waroom says close), naming the field', () => {
    const body = fixture('waroom', 'close');
    (body.event as Record<string, unknown>).status = 'closed';
    expect(() => parseAlertPayload('waroom', body, context)).toThrow('event.status: must be one of detected, investigating, fixing, resolved, close');
  });
});
