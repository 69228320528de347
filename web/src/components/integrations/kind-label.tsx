import type { IntegrationKind } from '../../api/integrations.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';

export const KIND_LABELS: Record<IntegrationKind, MessageKey> = {
  generic: 'integrations.kind.generic',
  alertmanager: 'integrations.kind.alertmanager',
  grafana: 'integrations.kind.grafana',
  datadog: 'integrations.kind.datadog',
  pagerduty: 'integrations.kind.pagerduty',
  waroom: 'integrations.kind.waroom',
};

export function KindLabel({ kind }: { kind: IntegrationKind }) {
  const { t } = useI18n();
  return (
    <span className={`kind-label kind-${kind}`} data-testid="integration-kind" data-kind={kind}>
      <span className="kind-mark" aria-hidden="true" />
      {t(KIND_LABELS[kind])}
    </span>
  );
}
