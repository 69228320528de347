import type { AlertView } from '../../api/alerts.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';

/** Where routing took the alert: its service, the incident it declared or joined, the page it sent. */
export function AlertTargets({ alert }: { alert: Pick<AlertView, 'service' | 'incident' | 'page'> }) {
  const { t } = useI18n();
  if (!alert.service && !alert.incident && !alert.page) return <span className="muted">—</span>;
  return (
    <span className="alert-targets">
      {alert.service ? <span className="tag">{alert.service.name}</span> : null}
      {alert.incident ? (
        <Link to={`/incidents/${encodeURIComponent(alert.incident.reference)}`} className="ref alert-target-link" title={alert.incident.title} data-testid="alert-incident">
          {alert.incident.reference}
        </Link>
      ) : null}
      {alert.page ? (
        <Link to={`/pages/${encodeURIComponent(alert.page.id)}`} className="ref alert-target-link" data-testid="alert-page">
          {t('alerts.pageRef', { number: alert.page.number })}
        </Link>
      ) : null}
    </span>
  );
}
