import { useEffect } from 'react';
import { usePageList } from '../../api/queries.js';
import type { PageFilter, PageRecord } from '../../api/types.js';
import { PageStatusBadge, Person } from '../../components/badges.js';
import { ErrorMessage } from '../../components/error-message.js';
import { PageActions } from '../../components/paging/page-actions.js';
import { PageProgress, PageTarget } from '../../components/paging/page-progress.js';
import { RelativeTime } from '../../components/time.js';
import { useI18n } from '../../i18n/index.js';
import { Link, navigate, useLocation } from '../../lib/router.js';

const FILTERS: PageFilter[] = ['open', 'acknowledged', 'resolved', 'mine'];

/** Pages, open ones first by default; the filter lives in the URL. */
export function PagesPage() {
  const { t } = useI18n();
  const location = useLocation();
  const param = location.search.get('filter');
  const filter: PageFilter = FILTERS.includes(param as PageFilter) ? (param as PageFilter) : 'open';
  const list = usePageList(filter);
  const pages = list.data?.pages.flatMap((p) => p.items) ?? [];

  useEffect(() => {
    document.title = `${t('pages.title')} · Hikeshi`;
  }, [t]);

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('pages.title')}</h1>
        <Link to="/pages/new" className="btn btn-danger" data-testid="page-new">
          <BellIcon />
          {t('pages.new')}
        </Link>
      </div>
      <div className="filter-row mb">
        <div className="chips" role="group" aria-label={t('pages.filter')}>
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              className={`chip chip-page-${f}${filter === f ? ' on' : ''}`}
              aria-pressed={filter === f}
              onClick={() => navigate(f === 'open' ? '/pages' : `/pages?filter=${f}`, { replace: true })}
              data-testid={`pages-filter-${f}`}
            >
              {t(`pages.filter.${f}`)}
            </button>
          ))}
        </div>
      </div>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      <div className="card table-card">
        <table className="incident-table" data-testid="page-table">
          <thead>
            <tr>
              <th className="col-ref">#</th>
              <th>{t('pages.col.message')}</th>
              <th>{t('pages.col.status')}</th>
              <th>{t('pages.col.level')}</th>
              <th className="col-services">{t('pages.col.notified')}</th>
              <th className="col-declared">{t('pages.col.age')}</th>
              <th>
                <span className="visually-hidden">{t('pages.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pages.map((page) => (
              <PageRow key={page.id} page={page} />
            ))}
          </tbody>
        </table>
        {list.isPending ? <div className="table-message">{t('app.loading')}</div> : null}
        {list.isSuccess && !pages.length ? (
          <div className="table-message" data-testid="pages-empty">
            {t(`pages.empty.${filter}`)}
          </div>
        ) : null}
      </div>
      <div className="list-footer">
        <span />
        {list.hasNextPage ? (
          <button type="button" className="btn" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t('list.loadingMore') : t('list.loadMore')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** Who a page reached, each person or webhook once. */
function notifiedNames(page: PageRecord): string[] {
  return [...new Set(page.notifications.map((n) => n.recipient.name))];
}

function PageRow({ page }: { page: PageRecord }) {
  const { t } = useI18n();
  const href = `/pages/${encodeURIComponent(page.id)}`;
  const names = notifiedNames(page);
  return (
    <tr
      className={`incident-row page-row page-row-${page.status}`}
      data-testid="page-row"
      data-number={page.number}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('a, button')) navigate(href);
      }}
    >
      <td className="col-ref">
        <Link to={href} className="ref">
          #{page.number}
        </Link>
      </td>
      <td className="col-title">
        <Link to={href} className="row-title">
          {page.message}
        </Link>
        <div className="muted small row-sub">
          <PageTarget page={page} />
        </div>
      </td>
      <td>
        <PageStatusBadge status={page.status} />
      </td>
      <td className="muted small nowrap">
        <PageProgress page={page} />
      </td>
      <td className="col-services">
        <span className="service-list">
          {names.slice(0, 3).map((name) => (
            <Person key={name} name={name} />
          ))}
          {names.length > 3 ? <span className="tag tag-more">+{names.length - 3}</span> : null}
          {!names.length ? <span className="muted">—</span> : null}
        </span>
      </td>
      <td className="col-declared">
        <RelativeTime iso={page.createdAt} />
      </td>
      <td className="col-actions">
        <PageActions page={page} />
      </td>
    </tr>
  );
}

function BellIcon() {
  return (
    <svg width="13" height="13" viewBox="0 0 14 14" aria-hidden="true">
      <path d="M3.5 10V6.5a3.5 3.5 0 017 0V10l1 1.2H2.5zM5.8 12.5a1.3 1.3 0 002.4 0" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
    </svg>
  );
}
