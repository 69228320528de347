/**
 * Copy-paste configuration for each monitor that can send alerts to an integration: the
 * real addresses of this Hikeshi and either the token (right after it is made) or a
 * placeholder that names the token's last characters.
 */

import type { IntegrationKind } from '../../../src/domain/alerts/alert.js';
import type { IngestUrls } from '../../../src/usecases/integrations/integration-view.js';

export interface ConfigTarget {
  kind: IntegrationKind;
  /** The server's ingest addresses; relative ones (no publicUrl in settings) are resolved against `origin`. */
  urls: IngestUrls;
  /** Where this browser reaches Hikeshi, e.g. https://hikeshi.example.com. */
  origin: string;
  integrationName: string;
  /** The token itself, only in the moment it is shown once. */
  token?: string;
  /** Its last characters, for the placeholder. */
  tokenHint?: string | null;
  /** Grafana: the header the HMAC signature arrives in, when a secret is configured. */
  hmacHeader?: string | null;
  /** Grafana: the header carrying the signed timestamp, when one is configured. */
  hmacTimestampHeader?: string | null;
}

/** One thing to paste: a named field value or a whole file/command. */
export interface ConfigPart {
  id: string;
  /** Message key suffix under `integration.config.part.` naming what this is. */
  label: 'url' | 'hookUrl' | 'authorization' | 'customHeaders' | 'payload' | 'receiverYaml' | 'provisioningYaml' | 'routingKey' | 'hmacHeader' | 'hmacTimestampHeader' | 'curl' | 'method';
  value: string;
  /** A multi-line block rather than a single field. */
  block: boolean;
}

/**
 * Datadog sends only the body we give it; this one carries the transition, monitor id and cycle
 * key. The same as the parser's DATADOG_TEMPLATE (a test checks), without its schema code.
 */
export const DATADOG_PAYLOAD_TEMPLATE = {
  schema: 'hikeshi.datadog.v1',
  event_id: '$ID',
  alert_id: '$ALERT_ID',
  alert_cycle_key: '$ALERT_CYCLE_KEY',
  aggreg_key: '$AGGREG_KEY',
  transition: '$ALERT_TRANSITION',
  alert_type: '$ALERT_TYPE',
  alert_priority: '$ALERT_PRIORITY',
  title: '$EVENT_TITLE',
  alert_title: '$ALERT_TITLE',
  message: '$TEXT_ONLY_MSG',
  scope: '$ALERT_SCOPE',
  tags: '$TAGS',
  service: '$TAGS[service]',
  env: '$TAGS[env]',
  event_type: '$EVENT_TYPE',
  link: '$LINK',
  date: '$DATE',
  last_updated: '$LAST_UPDATED',
  org_id: '$ORG_ID',
};

export const DEFAULT_GRAFANA_HMAC_HEADER = 'X-Grafana-Alerting-Signature';

export function tokenOrPlaceholder(target: Pick<ConfigTarget, 'token' | 'tokenHint'>): string {
  if (target.token) return target.token;
  return target.tokenHint ? `<token …${target.tokenHint}>` : '<token>';
}

/** A server URL as a monitor must be given it: absolute, with the token (or its placeholder) in place of `{token}`. */
function absolute(target: ConfigTarget, url: string): string {
  const full = /^https?:\/\//.test(url) ? url : `${target.origin.replace(/\/+$/, '')}${url}`;
  return full.replace('{token}', tokenOrPlaceholder(target));
}

/** A YAML plain scalar when safe, else a double-quoted one. */
function yamlString(value: string): string {
  return /^[A-Za-z0-9_./:-][A-Za-z0-9_./:@ -]*$/.test(value) && !/[ :]$/.test(value) && !value.includes(': ') ? value : JSON.stringify(value);
}

/** A receiver name Alertmanager and Grafana accept and people recognise. */
function receiverName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `hikeshi-${slug}` : 'hikeshi';
}

function curl(url: string, headers: string[], body: unknown): string {
  const lines = [`curl -X POST '${url}'`, ...headers.map((h) => `  -H '${h}'`), `  -H 'Content-Type: application/json'`, `  --data '${JSON.stringify(body, null, 2).replace(/'/g, "'\\''")}'`];
  return lines.join(' \\\n');
}

function alertmanager(target: ConfigTarget): ConfigPart[] {
  const name = receiverName(target.integrationName);
  const yaml = [
    'route:',
    `  receiver: ${name}`,
    '',
    'receivers:',
    `  - name: ${name}`,
    '    webhook_configs:',
    `      - url: ${yamlString(absolute(target, target.urls.alerts))}`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    `            credentials: ${yamlString(tokenOrPlaceholder(target))}`,
    '',
  ].join('\n');
  return [{ id: 'alertmanager-yaml', label: 'receiverYaml', value: yaml, block: true }];
}

function grafana(target: ConfigTarget): ConfigPart[] {
  const token = tokenOrPlaceholder(target);
  const parts: ConfigPart[] = [
    { id: 'grafana-url', label: 'url', value: absolute(target, target.urls.alerts), block: false },
    { id: 'grafana-method', label: 'method', value: 'POST', block: false },
    { id: 'grafana-authorization', label: 'authorization', value: `Bearer ${token}`, block: false },
  ];
  const settings = [
    `          url: ${yamlString(absolute(target, target.urls.alerts))}`,
    '          httpMethod: POST',
    '          authorization_scheme: Bearer',
    `          authorization_credentials: ${yamlString(token)}`,
  ];
  if (target.hmacHeader) {
    parts.push({ id: 'grafana-hmac-header', label: 'hmacHeader', value: target.hmacHeader, block: false });
    settings.push('          hmacConfig:', '            secret: <the HMAC secret you set>', `            header: ${yamlString(target.hmacHeader)}`);
    if (target.hmacTimestampHeader) {
      parts.push({ id: 'grafana-hmac-timestamp-header', label: 'hmacTimestampHeader', value: target.hmacTimestampHeader, block: false });
      settings.push(`            timestampHeader: ${yamlString(target.hmacTimestampHeader)}`);
    }
  }
  const name = receiverName(target.integrationName);
  const yaml = ['apiVersion: 1', 'contactPoints:', '  - orgId: 1', `    name: ${name}`, '    receivers:', `      - uid: ${name}`, '        type: webhook', '        settings:', ...settings, ''].join('\n');
  parts.push({ id: 'grafana-yaml', label: 'provisioningYaml', value: yaml, block: true });
  return parts;
}

function datadog(target: ConfigTarget): ConfigPart[] {
  return [
    { id: 'datadog-url', label: 'url', value: absolute(target, target.urls.alerts), block: false },
    { id: 'datadog-headers', label: 'customHeaders', value: JSON.stringify({ Authorization: `Bearer ${tokenOrPlaceholder(target)}` }, null, 2), block: true },
    { id: 'datadog-payload', label: 'payload', value: JSON.stringify(DATADOG_PAYLOAD_TEMPLATE, null, 2), block: true },
  ];
}

function pagerDuty(target: ConfigTarget): ConfigPart[] {
  const url = absolute(target, target.urls.pagerduty ?? '/integrations/pagerduty/v2/enqueue');
  const key = tokenOrPlaceholder(target);
  const body = {
    routing_key: key,
    event_action: 'trigger',
    dedup_key: 'db01/disk',
    payload: { summary: 'Disk at 99% on db01', source: 'db01', severity: 'critical' },
  };
  return [
    { id: 'pagerduty-url', label: 'url', value: url, block: false },
    { id: 'pagerduty-key', label: 'routingKey', value: key, block: false },
    { id: 'pagerduty-curl', label: 'curl', value: curl(url, [], body), block: true },
  ];
}

function waroom(target: ConfigTarget): ConfigPart[] {
  const url = absolute(target, target.urls.waroom ?? '/integrations/waroom/v1/events');
  const authorization = `Bearer ${tokenOrPlaceholder(target)}`;
  const body = { event: { title: 'Checkout latency is high', description: 'p99 above 2 s for 5 minutes', aggregation_key: 'checkout-latency', severity: 'high', status: 'detected' } };
  return [
    { id: 'waroom-url', label: 'url', value: url, block: false },
    { id: 'waroom-authorization', label: 'authorization', value: authorization, block: false },
    { id: 'waroom-curl', label: 'curl', value: curl(url, [`Authorization: ${authorization}`], body), block: true },
  ];
}

function generic(target: ConfigTarget): ConfigPart[] {
  const url = absolute(target, target.urls.alerts);
  const authorization = `Bearer ${tokenOrPlaceholder(target)}`;
  const body = {
    dedupKey: 'checkout-latency',
    status: 'firing',
    title: 'Checkout latency is high',
    severity: 'critical',
    labels: { service: 'checkout', env: 'production' },
  };
  return [
    { id: 'generic-url', label: 'url', value: url, block: false },
    { id: 'generic-authorization', label: 'authorization', value: authorization, block: false },
    { id: 'generic-hook-url', label: 'hookUrl', value: absolute(target, target.urls.hook), block: false },
    { id: 'generic-curl', label: 'curl', value: curl(url, [`Authorization: ${authorization}`], body), block: true },
  ];
}

const BUILDERS: Record<IntegrationKind, (target: ConfigTarget) => ConfigPart[]> = {
  generic,
  alertmanager,
  grafana,
  datadog,
  pagerduty: pagerDuty,
  waroom,
};

export function configParts(target: ConfigTarget): ConfigPart[] {
  return BUILDERS[target.kind](target);
}
