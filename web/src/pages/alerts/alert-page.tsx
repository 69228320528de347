import { useEffect, type ReactNode } from 'react';
import { useAlert, type AlertView } from '../../api/alerts.js';
import { ApiError } from '../../api/client.js';
import type { User } from '../../api/types.js';
import { AlertActions } from '../../components/alerts/alert-actions.js';
import { AlertSeverityBadge, AlertStatusBadge } from '../../components/alerts/alert-badges.js';
import { AlertEvents } from '../../components/alerts/alert-events.js';
import { AlertTargets } from '../../components/alerts/alert-targets.js';
import { ErrorMessage } from '../../components/error-message.js';
import { AbsoluteTime, RelativeTime } from '../../components/time.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';
import '../../styles/alerts.css';

export function AlertPage({ id, user }: { id: string; user: User }) {
  const { t } = useI18n();
  const alert = useAlert(id);
  const data = alert.data;

  useEffect(() => {
    document.title = data ? `#${data.number} ${data.title} · Hikeshi` : `${t('alerts.title')} · Hikeshi`;
  }, [data, t]);

  if (alert.isPending) return <div className="page page-loading">{t('app.loading')}</div>;
  if (!data) {
    const notFound = alert.error instanceof ApiError && alert.error.status === 404;
    return (
      <div className="page">
        <Breadcrumb />
        <ErrorMessage error={alert.error} onRetry={notFound ? undefined : () => void alert.refetch()} />
      </div>
    );
  }
  return <AlertDetail alert={data} canAct={user.role !== 'viewer'} />;
}

function Breadcrumb({ number }: { number?: number }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={t('alerts.title')}>
      <Link to="/alerts">{t('alerts.title')}</Link>
      {number !== undefined ? (
        <>
          <span aria-hidden="true">/</span>
          <span>#{number}</span>
        </>
      ) : null}
    </nav>
  );
}

function AlertDetail({ alert, canAct }: { alert: AlertView; canAct: boolean }) {
  const { t } = useI18n();
  return (
    <div className="page" data-testid="alert-detail" data-status={alert.status}>
      <Breadcrumb number={alert.number} />
      <header className="incident-header">
        <div className="incident-meta-line">
          <span className="ref ref-large">#{alert.number}</span>
          <AlertStatusBadge status={alert.status} />
          <AlertSeverityBadge severity={alert.severity} sourceSeverity={alert.sourceSeverity} />
          {alert.occurrences > 1 ? <span className="occurrences">{t('alerts.occurrencesCount', { count: alert.occurrences })}</span> : null}
        </div>
        <div className="title-row title-row-actions">
          <h1 className="incident-title" data-testid="alert-detail-title">
            {alert.title}
          </h1>
          {canAct ? <AlertActions alert={alert} size="normal" /> : null}
        </div>
      </header>

      <div className="incident-layout">
        <div className="incident-main">
          {alert.summary && alert.summary !== alert.title ? (
            <section className="card section">
              <h2 className="section-title">{t('alerts.summary')}</h2>
              <div className="summary-text">{alert.summary}</div>
            </section>
          ) : null}

          <section className="card section" aria-labelledby="alert-labels-heading">
            <h2 id="alert-labels-heading" className="section-title">
              {t('alerts.labels')}
            </h2>
            <KeyValues values={alert.labels} empty={t('alerts.noLabels')} testId="alert-labels" />
            <h2 className="section-title alert-subheading">{t('alerts.annotations')}</h2>
            <KeyValues values={alert.annotations} empty={t('alerts.noAnnotations')} testId="alert-annotations" />
            {alert.links.length ? (
              <>
                <h2 className="section-title alert-subheading">{t('alerts.links')}</h2>
                <ul className="plain-list alert-links">
                  {alert.links.map((link) => (
                    <li key={link.href}>
                      <a href={link.href} target="_blank" rel="noreferrer noopener" className="alert-link">
                        {link.text || link.href}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section className="card section" aria-labelledby="alert-events-heading">
            <div className="section-header">
              <h2 id="alert-events-heading">{t('alerts.events')}</h2>
            </div>
            <AlertEvents events={alert.events ?? []} />
          </section>

          {alert.lastPayload !== undefined ? (
            <details className="card section alert-payload" data-testid="alert-payload">
              <summary>
                <h2>{t('alerts.lastPayload')}</h2>
              </summary>
              <pre className="code-block">{JSON.stringify(alert.lastPayload, null, 2)}</pre>
            </details>
          ) : null}
        </div>

        <aside className="incident-side">
          <section className="card side-section">
            <h3>{t('alerts.about')}</h3>
            <dl className="lifecycle">
              <Fact term={t('alerts.integration')}>
                {alert.integration ? <Link to={`/integrations/${encodeURIComponent(alert.integration.id)}`}>{alert.integration.name}</Link> : '—'}
              </Fact>
              <Fact term={t('alerts.dedupKey')}>
                <code className="alert-dedup-key">{alert.dedupKey}</code>
              </Fact>
              <Fact term={t('alerts.col.routedTo')}>
                <AlertTargets alert={alert} />
              </Fact>
              <Fact term={t('alerts.firstSeen')}>
                <AbsoluteTime iso={alert.firstSeenAt} />
              </Fact>
              <Fact term={t('alerts.col.lastSeen')}>
                <RelativeTime iso={alert.lastSeenAt} />
              </Fact>
              <Fact term={t('alerts.status.acknowledged')}>{alert.acknowledgedAt ? <AbsoluteTime iso={alert.acknowledgedAt} /> : '—'}</Fact>
              <Fact term={t('alerts.status.resolved')}>{alert.resolvedAt ? <AbsoluteTime iso={alert.resolvedAt} /> : '—'}</Fact>
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

function KeyValues({ values, empty, testId }: { values: Record<string, string>; empty: string; testId: string }) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return <p className="muted small">{empty}</p>;
  return (
    <dl className="key-values" data-testid={testId}>
      {entries.map(([key, value]) => (
        <div key={key} className="key-value">
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
