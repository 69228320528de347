import { usePageAction } from '../../api/queries.js';
import type { PageRecord } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { ErrorMessage } from '../error-message.js';

/** Acknowledge (while triggered) and Resolve (until resolved), with the server's refusal shown. */
export function PageActions({ page, size = 'small' }: { page: PageRecord; size?: 'small' | 'normal' }) {
  const { t } = useI18n();
  const acknowledge = usePageAction('acknowledge');
  const resolve = usePageAction('resolve');
  if (page.status === 'resolved') return null;
  const small = size === 'small' ? ' btn-small' : '';
  const busy = acknowledge.isPending || resolve.isPending;
  return (
    <div className="page-actions">
      {page.status === 'triggered' ? (
        <button
          type="button"
          className={`btn btn-primary${small}`}
          disabled={busy}
          onClick={() => acknowledge.mutate(page.id)}
          aria-label={t('pages.acknowledgeLabel', { number: page.number })}
          data-testid="page-acknowledge"
        >
          {acknowledge.isPending ? t('pages.acknowledging') : t('pages.acknowledge')}
        </button>
      ) : null}
      <button
        type="button"
        className={`btn${small}`}
        disabled={busy}
        onClick={() => resolve.mutate(page.id)}
        aria-label={t('pages.resolveLabel', { number: page.number })}
        data-testid="page-resolve"
      >
        {resolve.isPending ? t('pages.resolving') : t('pages.resolve')}
      </button>
      <ErrorMessage error={acknowledge.error ?? resolve.error} compact />
    </div>
  );
}
