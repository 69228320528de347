import { useAlertAction, type AlertView } from '../../api/alerts.js';
import { useI18n } from '../../i18n/index.js';
import { ErrorMessage } from '../error-message.js';

/** Acknowledge (while firing) and Resolve (until resolved), with the server's refusal shown. */
export function AlertActions({ alert, size = 'small' }: { alert: Pick<AlertView, 'id' | 'number' | 'status'>; size?: 'small' | 'normal' }) {
  const { t } = useI18n();
  const acknowledge = useAlertAction('acknowledge');
  const resolve = useAlertAction('resolve');
  if (alert.status === 'resolved') return null;
  const small = size === 'small' ? ' btn-small' : '';
  const busy = acknowledge.isPending || resolve.isPending;
  return (
    <div className="page-actions">
      {alert.status === 'firing' ? (
        <button
          type="button"
          className={`btn btn-primary${small}`}
          disabled={busy}
          onClick={() => acknowledge.mutate(alert.id)}
          aria-label={t('alerts.acknowledgeLabel', { number: alert.number })}
          data-testid="alert-acknowledge"
        >
          {acknowledge.isPending ? t('alerts.acknowledging') : t('alerts.acknowledge')}
        </button>
      ) : null}
      <button
        type="button"
        className={`btn${small}`}
        disabled={busy}
        onClick={() => resolve.mutate(alert.id)}
        aria-label={t('alerts.resolveLabel', { number: alert.number })}
        data-testid="alert-resolve"
      >
        {resolve.isPending ? t('alerts.resolving') : t('alerts.resolve')}
      </button>
      <ErrorMessage error={acknowledge.error ?? resolve.error} compact />
    </div>
  );
}
