import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DATADOG_TEMPLATE } from '../../../src/integrations/alert-sources/datadog.js';
import type { IntegrationKind } from '../../../src/domain/alerts/alert.js';
import { configParts, DATADOG_PAYLOAD_TEMPLATE, type ConfigTarget } from './integration-config.js';

/** The server's URLs are relative when settings name no publicUrl. */
const urls = (kind: IntegrationKind) => ({
  alerts: '/api/v1/integrations/int_01/alerts',
  hook: '/hooks/{token}',
  ...(kind === 'pagerduty' && { pagerduty: '/integrations/pagerduty/v2/enqueue' }),
  ...(kind === 'waroom' && { waroom: '/integrations/waroom/v1/events' }),
});

const target = (kind: IntegrationKind, extra: Partial<ConfigTarget> = {}): ConfigTarget => ({
  kind,
  urls: urls(kind),
  origin: 'https://hikeshi.example.com/',
  integrationName: 'Prod Prometheus',
  tokenHint: 'wxyz',
  ...extra,
});

const part = (t: ConfigTarget, label: string) => configParts(t).find((p) => p.label === label)?.value;

describe('configParts', () => {
  it('Alertmanager: a receiver with the ingest URL, bearer credentials and send_resolved, routed to it', () => {
    const yaml = part(target('alertmanager', { token: 'tok_secret-123' }), 'receiverYaml')!;
    expect(parse(yaml)).toEqual({
      route: { receiver: 'hikeshi-prod-prometheus' },
      receivers: [
        {
          name: 'hikeshi-prod-prometheus',
          webhook_configs: [
            {
              url: 'https://hikeshi.example.com/api/v1/integrations/int_01/alerts',
              send_resolved: true,
              http_config: { authorization: { type: 'Bearer', credentials: 'tok_secret-123' } },
            },
          ],
        },
      ],
    });
  });

  it('Alertmanager without the token names its last characters as the placeholder, still valid YAML', () => {
    const yaml = part(target('alertmanager'), 'receiverYaml')!;
    expect(parse(yaml).receivers[0].webhook_configs[0].http_config.authorization.credentials).toBe('<token …wxyz>');
  });

  it('a name of only symbols still gives a receiver name', () => {
    expect(parse(part(target('alertmanager', { integrationName: '監視' }), 'receiverYaml')!).route.receiver).toBe('hikeshi');
  });

  it('Grafana: URL, Authorization header, and the HMAC header only when a secret is configured', () => {
    const plain = target('grafana', { token: 'tok' });
    expect(part(plain, 'url')).toBe('https://hikeshi.example.com/api/v1/integrations/int_01/alerts');
    expect(part(plain, 'authorization')).toBe('Bearer tok');
    expect(part(plain, 'hmacHeader')).toBeUndefined();
    expect(parse(part(plain, 'provisioningYaml')!).contactPoints[0].receivers[0].settings).toEqual({
      url: 'https://hikeshi.example.com/api/v1/integrations/int_01/alerts',
      httpMethod: 'POST',
      authorization_scheme: 'Bearer',
      authorization_credentials: 'tok',
    });

    const signed = target('grafana', { hmacHeader: 'X-Grafana-Alerting-Signature', hmacTimestampHeader: 'X-Grafana-Alerting-Timestamp' });
    expect(part(signed, 'hmacHeader')).toBe('X-Grafana-Alerting-Signature');
    expect(parse(part(signed, 'provisioningYaml')!).contactPoints[0].receivers[0].settings.hmacConfig).toEqual({
      secret: '<the HMAC secret you set>',
      header: 'X-Grafana-Alerting-Signature',
      timestampHeader: 'X-Grafana-Alerting-Timestamp',
    });
  });

  it('Datadog: custom headers are JSON with the bearer token; the payload template is valid JSON with the cycle key', () => {
    const t = target('datadog', { token: 'tok' });
    expect(JSON.parse(part(t, 'customHeaders')!)).toEqual({ Authorization: 'Bearer tok' });
    expect(JSON.parse(part(t, 'payload')!)).toEqual(DATADOG_PAYLOAD_TEMPLATE);
    // The web keeps its own copy so the page does not load the server's schemas; it must be the parser's.
    expect(DATADOG_PAYLOAD_TEMPLATE).toEqual(DATADOG_TEMPLATE);
  });

  it('PagerDuty: the enqueue URL and the token as routing key, in a curl a PagerDuty client would send', () => {
    const t = target('pagerduty', { token: 'abc' });
    expect(part(t, 'url')).toBe('https://hikeshi.example.com/integrations/pagerduty/v2/enqueue');
    expect(part(t, 'routingKey')).toBe('abc');
    expect(part(t, 'curl')).toContain('"routing_key": "abc"');
    expect(part(t, 'curl')).toContain('"event_action": "trigger"');
  });

  it('Waroom: the events URL with a bearer header', () => {
    const t = target('waroom');
    expect(part(t, 'url')).toBe('https://hikeshi.example.com/integrations/waroom/v1/events');
    expect(part(t, 'authorization')).toBe('Bearer <token …wxyz>');
    expect(part(t, 'curl')).toContain("-H 'Authorization: Bearer <token …wxyz>'");
  });

  it('generic: bearer URL, a token-in-path URL for monitors without headers, and a curl whose body survives shell quoting', () => {
    const t = target('generic', { token: 'tok' });
    expect(part(t, 'hookUrl')).toBe('https://hikeshi.example.com/hooks/tok');
    const command = part(t, 'curl')!;
    const body = /--data '([\s\S]*)'$/.exec(command)?.[1];
    expect(JSON.parse(body!)).toMatchObject({ status: 'firing' });
  });

  it('absolute URLs from a configured publicUrl are used as they are', () => {
    const t = target('waroom', { urls: { alerts: 'https://alerts.example.org/api/v1/integrations/int_01/alerts', hook: 'https://alerts.example.org/hooks/{token}', waroom: 'https://alerts.example.org/integrations/waroom/v1/events' } });
    expect(part(t, 'url')).toBe('https://alerts.example.org/integrations/waroom/v1/events');
  });
});
