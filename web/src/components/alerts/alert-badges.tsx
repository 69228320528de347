import type { AlertStatus } from '../../api/alerts.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import type { AlertSeverity } from '../../../../src/domain/alerts/routing.js';

const STATUS_LABELS: Record<AlertStatus, MessageKey> = {
  firing: 'alerts.status.firing',
  acknowledged: 'alerts.status.acknowledged',
  resolved: 'alerts.status.resolved',
};

const SEVERITY_LABELS: Record<AlertSeverity, MessageKey> = {
  critical: 'alerts.severity.critical',
  error: 'alerts.severity.error',
  warning: 'alerts.severity.warning',
  info: 'alerts.severity.info',
};

/** Alert severities share the incident severity colours: critical red … info grey. */
const SEVERITY_TONES: Record<AlertSeverity, string> = { critical: 'critical', error: 'high', warning: 'medium', info: 'low' };

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge status alert-status-${status}`} data-testid="alert-status" data-status={status}>
      <span className="dot" aria-hidden="true" />
      {t(STATUS_LABELS[status])}
    </span>
  );
}

/** The monitor's own word stays in the tooltip when it differs from the mapped severity. */
export function AlertSeverityBadge({ severity, sourceSeverity }: { severity: AlertSeverity; sourceSeverity?: string | null }) {
  const { t } = useI18n();
  const original = sourceSeverity && sourceSeverity !== severity ? t('alerts.severity.sent', { value: sourceSeverity }) : undefined;
  return (
    <span className={`badge severity alert-severity severity-${SEVERITY_TONES[severity] ?? 'unknown'}`} title={original} data-testid="alert-severity" data-severity={severity}>
      {t(SEVERITY_LABELS[severity])}
    </span>
  );
}
