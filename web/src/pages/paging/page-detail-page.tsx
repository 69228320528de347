import { useEffect, type ReactNode } from 'react';
import { ApiError } from '../../api/client.js';
import { usePage } from '../../api/queries.js';
import type { PageEvent, PageRecord } from '../../api/types.js';
import { PageStatusBadge } from '../../components/badges.js';
import { ErrorMessage } from '../../components/error-message.js';
import { PageActions } from '../../components/paging/page-actions.js';
import { PageProgress, PageTarget } from '../../components/paging/page-progress.js';
import { AbsoluteTime, RelativeTime } from '../../components/time.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';
import { formatTime } from '../../lib/time.js';

export function PageDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const page = usePage(id);
  const data = page.data;

  useEffect(() => {
    document.title = data ? `#${data.number} ${data.message} · Hikeshi` : `${t('pages.title')} · Hikeshi`;
  }, [data, t]);

  if (page.isPending) return <div className="page page-loading">{t('app.loading')}</div>;
  if (!data) {
    const notFound = page.error instanceof ApiError && page.error.status === 404;
    return (
      <div className="page">
        <Breadcrumb />
        <ErrorMessage error={page.error} onRetry={notFound ? undefined : () => void page.refetch()} />
      </div>
    );
  }
  return <PageView page={data} />;
}

function Breadcrumb({ number }: { number?: number }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={t('pages.title')}>
      <Link to="/pages">{t('pages.title')}</Link>
      {number !== undefined ? (
        <>
          <span aria-hidden="true">/</span>
          <span>#{number}</span>
        </>
      ) : null}
    </nav>
  );
}

function PageView({ page }: { page: PageRecord }) {
  const { t, label } = useI18n();
  return (
    <div className="page" data-testid="page-detail" data-status={page.status}>
      <Breadcrumb number={page.number} />
      <header className="incident-header">
        <div className="incident-meta-line">
          <span className="ref ref-large">#{page.number}</span>
          <PageStatusBadge status={page.status} />
          <span className="muted small" data-testid="page-progress">
            <PageProgress page={page} />
          </span>
        </div>
        <div className="title-row title-row-actions">
          <h1 className="incident-title" data-testid="page-message">
            {page.message}
          </h1>
          <PageActions page={page} size="normal" />
        </div>
      </header>

      <div className="incident-layout">
        <div className="incident-main">
          {page.details ? (
            <section className="card section">
              <h2 className="section-title">{t('pages.details')}</h2>
              <div className="summary-text">{page.details}</div>
            </section>
          ) : null}

          <section className="card section" aria-labelledby="notifications-heading">
            <div className="section-header">
              <h2 id="notifications-heading">{t('pages.notifications')}</h2>
            </div>
            {!page.notifications.length ? <p className="muted">{t('pages.noNotifications')}</p> : null}
            {page.notifications.length ? (
              <div className="table-scroll">
                <table className="incident-table log-table" data-testid="notification-log">
                  <thead>
                    <tr>
                      <th>{t('pages.col.level')}</th>
                      <th>{t('pages.col.recipient')}</th>
                      <th>{t('pages.col.channel')}</th>
                      <th>{t('pages.col.delivery')}</th>
                      <th>{t('pages.col.time')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.notifications.map((n) => (
                      <tr key={n.id} data-testid="notification-row" data-status={n.status}>
                        <td className="muted small nowrap">
                          {t('pages.levelShort', { level: n.level })}
                          {n.cycle > 0 ? ` · ${t('pages.roundShort', { cycle: n.cycle + 1 })}` : ''}
                        </td>
                        <td>
                          <strong className="recipient">{n.recipient.name}</strong>
                          {n.recipient.type === 'webhook' ? <span className="tag tag-outline">{t('target.webhook')}</span> : null}
                        </td>
                        <td>{label('channel', n.channel)}</td>
                        <td>
                          <span className={`delivery delivery-${n.status}`}>{label('delivery', n.status)}</span>
                          {n.error ? <div className="delivery-error small">{n.error}</div> : null}
                        </td>
                        <td className="muted small nowrap">
                          <AbsoluteTime iso={n.sentAt ?? n.createdAt} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>

          <section className="card section" aria-labelledby="events-heading">
            <div className="section-header">
              <h2 id="events-heading">{t('pages.events')}</h2>
            </div>
            <EventList events={page.events ?? []} />
          </section>
        </div>

        <aside className="incident-side">
          <section className="card side-section">
            <h3>{t('pages.about')}</h3>
            <dl className="lifecycle">
              <Fact term={t('pages.paged')}>
                <PageTarget page={page} linked />
              </Fact>
              <Fact term={t('pages.source')}>{label('source', page.source)}</Fact>
              <Fact term={t('pages.createdBy')}>{page.createdBy.name}</Fact>
              <Fact term={t('pages.createdAt')}>
                <AbsoluteTime iso={page.createdAt} />
              </Fact>
              {page.nextEscalationAt && page.status === 'triggered' ? (
                <Fact term={t('pages.nextEscalation')}>
                  <RelativeTime iso={page.nextEscalationAt} />
                </Fact>
              ) : null}
              <Fact term={t('pageStatus.acknowledged')}>
                {page.acknowledgedAt ? (
                  <>
                    {page.acknowledgedBy?.name} · <AbsoluteTime iso={page.acknowledgedAt} />
                  </>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact term={t('pageStatus.resolved')}>
                {page.resolvedAt ? (
                  <>
                    {page.resolvedBy?.name} · <AbsoluteTime iso={page.resolvedAt} />
                  </>
                ) : (
                  '—'
                )}
              </Fact>
              {page.incidentId ? <Fact term={t('pages.incident')}>{page.incidentId}</Fact> : null}
            </dl>
          </section>
        </aside>
      </div>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="lc-row set">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function EventList({ events }: { events: PageEvent[] }) {
  const { t, lang, label } = useI18n();
  if (!events.length) return <p className="muted">{t('pages.noEvents')}</p>;
  return (
    <ol className="page-events" data-testid="page-events">
      {events.map((event, i) => (
        <li key={`${event.at}-${i}`} className={`page-event page-event-${event.kind}`} data-testid="page-event" data-kind={event.kind}>
          <time className="event-time" dateTime={event.at}>
            {formatTime(event.at, lang)}
          </time>
          <span className="page-event-dot" aria-hidden="true" />
          <div className="page-event-body">
            <strong>{label('pageEvent', event.kind)}</strong>
            {event.actor ? <span className="muted"> · {event.actor.name}</span> : null}
            {event.text ? <div className="muted small">{event.text}</div> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
