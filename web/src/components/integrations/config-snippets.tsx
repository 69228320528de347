import type { IntegrationView } from '../../api/integrations.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { configParts, DEFAULT_GRAFANA_HMAC_HEADER, type ConfigPart } from '../../lib/integration-config.js';
import { CopyBlock, CopyField } from './copy-button.js';

const PART_LABELS: Record<ConfigPart['label'], MessageKey> = {
  url: 'integration.config.part.url',
  hookUrl: 'integration.config.part.hookUrl',
  authorization: 'integration.config.part.authorization',
  customHeaders: 'integration.config.part.customHeaders',
  payload: 'integration.config.part.payload',
  receiverYaml: 'integration.config.part.receiverYaml',
  provisioningYaml: 'integration.config.part.provisioningYaml',
  routingKey: 'integration.config.part.routingKey',
  hmacHeader: 'integration.config.part.hmacHeader',
  hmacTimestampHeader: 'integration.config.part.hmacTimestampHeader',
  curl: 'integration.config.part.curl',
  method: 'integration.config.part.method',
};

const HOW_TO: Record<IntegrationView['kind'], MessageKey> = {
  generic: 'integration.config.howTo.generic',
  alertmanager: 'integration.config.howTo.alertmanager',
  grafana: 'integration.config.howTo.grafana',
  datadog: 'integration.config.howTo.datadog',
  pagerduty: 'integration.config.howTo.pagerduty',
  waroom: 'integration.config.howTo.waroom',
};

/** What to paste into the monitor, with this server's address and the token (or its placeholder). */
export function ConfigSnippets({ integration, token }: { integration: IntegrationView; token?: string }) {
  const { t } = useI18n();
  const parts = configParts({
    kind: integration.kind,
    urls: integration.urls,
    origin: window.location.origin,
    integrationName: integration.name,
    token,
    tokenHint: integration.tokenHint,
    hmacHeader: integration.hasSigningSecret ? (integration.hmacHeader ?? DEFAULT_GRAFANA_HMAC_HEADER) : null,
    hmacTimestampHeader: integration.hasSigningSecret ? integration.hmacTimestampHeader : null,
  });
  return (
    <section className="card section" aria-labelledby="config-heading" data-testid="integration-config" data-kind={integration.kind}>
      <div className="section-header">
        <h2 id="config-heading">{t('integration.config.title')}</h2>
      </div>
      <p className="muted config-how-to">{t(HOW_TO[integration.kind])}</p>
      {!token ? <p className="muted small config-token-note">{t('integration.config.placeholderNote', { hint: integration.tokenHint })}</p> : null}
      <div className="config-parts">
        {parts.map((part) =>
          part.block ? (
            <CopyBlock key={part.id} label={t(PART_LABELS[part.label])} value={part.value} testId={`config-${part.id}`} />
          ) : (
            <CopyField key={part.id} label={t(PART_LABELS[part.label])} value={part.value} testId={`config-${part.id}`} />
          ),
        )}
      </div>
    </section>
  );
}
