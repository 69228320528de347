import { ApiError, NetworkError } from '../api/client.js';
import { useI18n } from '../i18n/index.js';

/** Shows what the server said (problem+json detail), never a silent failure. */
export function ErrorMessage({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t } = useI18n();
  if (!error) return null;
  let title = t('error.title');
  let detail: string | undefined;
  let field: string | undefined;
  if (error instanceof ApiError) {
    title = error.title;
    detail = error.detail;
    field = error.field;
  } else if (error instanceof NetworkError) {
    detail = t('error.network');
  } else if (error instanceof Error) {
    detail = error.message;
  }
  return (
    <div className={compact ? 'alert alert-compact' : 'alert'} role="alert" data-testid="error">
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className="alert-icon">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 4.5v4.2M8 10.8v.2" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <div className="alert-body">
        <strong>{title}</strong>
        {detail && detail !== title ? <span> {detail}</span> : null}
        {field ? <span className="alert-field"> {t('error.field', { field })}</span> : null}
      </div>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}
