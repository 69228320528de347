import { useEffect, useMemo, useState } from 'react';
import { useAlertList, type AlertFilters, type AlertStatusFilter, type AlertView } from '../../api/alerts.js';
import { useIntegrations } from '../../api/integrations.js';
import { useServices } from '../../api/queries.js';
import type { User } from '../../api/types.js';
import { AlertActions } from '../../components/alerts/alert-actions.js';
import { AlertSeverityBadge, AlertStatusBadge } from '../../components/alerts/alert-badges.js';
import { AlertTargets } from '../../components/alerts/alert-targets.js';
import { AlertsTabs } from '../../components/alerts/alerts-tabs.js';
import { ErrorMessage } from '../../components/error-message.js';
import { RelativeTime } from '../../components/time.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { Link, navigate, useLocation } from '../../lib/router.js';
import '../../styles/alerts.css';

const STATUS_FILTERS: AlertStatusFilter[] = ['open', 'firing', 'acknowledged', 'resolved', 'all'];
const STATUS_FILTER_LABELS: Record<AlertStatusFilter, MessageKey> = {
  open: 'alerts.filter.open',
  firing: 'alerts.status.firing',
  acknowledged: 'alerts.status.acknowledged',
  resolved: 'alerts.status.resolved',
  all: 'alerts.filter.all',
};

/** Filters live in the URL, so a filtered list can be shared and survives a reload. */
function readFilters(search: URLSearchParams): AlertFilters {
  const status = search.get('status') as AlertStatusFilter | null;
  return {
    status: status && STATUS_FILTERS.includes(status) ? status : 'open',
    integration: search.get('integration') ?? '',
    service: search.get('service') ?? '',
    q: search.get('q') ?? '',
  };
}

function writeFilters(filters: AlertFilters): string {
  const search = new URLSearchParams();
  if (filters.status !== 'open') search.set('status', filters.status);
  for (const key of ['integration', 'service', 'q'] as const) if (filters[key]) search.set(key, filters[key]!);
  const text = search.toString();
  return `/alerts${text ? `?${text}` : ''}`;
}

export function AlertsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const location = useLocation();
  const filters = useMemo(() => readFilters(location.search), [location.href]);
  const integrations = useIntegrations();
  const services = useServices();
  const list = useAlertList(filters);
  const alerts = list.data?.pages.flatMap((p) => p.items) ?? [];
  const update = (change: Partial<AlertFilters>) => navigate(writeFilters({ ...filters, ...change }), { replace: true });
  const filtered = Boolean(filters.status !== 'open' || filters.integration || filters.service || filters.q);

  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    if (q === filters.q) return;
    const id = window.setTimeout(() => navigate(writeFilters({ ...filters, q }), { replace: true }), 300);
    return () => window.clearTimeout(id);
  }, [q, filters]);

  useEffect(() => {
    document.title = `${t('alerts.title')} · Hikeshi`;
  }, [t]);

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('alerts.title')}</h1>
      </div>
      <AlertsTabs active="alerts" />

      <section className="filters" aria-label={t('list.filters')}>
        <div className="filter-row">
          <div className="search">
            <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
              <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
            <input type="search" aria-label={t('list.filter.q')} placeholder={t('alerts.filter.qPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="alerts-filter-q" />
          </div>
          <label className="inline-field">
            <span>{t('alerts.filter.integration')}</span>
            <select value={filters.integration} onChange={(e) => update({ integration: e.target.value })} data-testid="alerts-filter-integration">
              <option value="">{t('list.filter.any')}</option>
              {(integrations.data ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>{t('list.filter.service')}</span>
            <select value={filters.service} onChange={(e) => update({ service: e.target.value })} data-testid="alerts-filter-service">
              <option value="">{t('list.filter.any')}</option>
              {(services.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="filter-row">
          <div className="chips" role="group" aria-label={t('list.filter.status')}>
            <span className="chips-label">{t('list.filter.status')}</span>
            {STATUS_FILTERS.map((status) => (
              <button
                key={status}
                type="button"
                className={`chip chip-alert-${status}${filters.status === status ? ' on' : ''}`}
                aria-pressed={filters.status === status}
                onClick={() => update({ status })}
                data-testid={`alerts-filter-${status}`}
              >
                {status !== 'all' ? <span className="dot" aria-hidden="true" /> : null}
                {t(STATUS_FILTER_LABELS[status])}
              </button>
            ))}
          </div>
          {filtered ? (
            <button type="button" className="btn btn-ghost btn-small" onClick={() => navigate('/alerts', { replace: true })} data-testid="alerts-filter-clear">
              {t('list.filter.clear')}
            </button>
          ) : null}
        </div>
      </section>

      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      <div className="card table-card">
        <table className="incident-table alerts-table" data-testid="alert-table">
          <thead>
            <tr>
              <th className="col-ref">#</th>
              <th>{t('alerts.col.alert')}</th>
              <th>{t('alerts.col.severity')}</th>
              <th>{t('alerts.col.status')}</th>
              <th className="col-number">{t('alerts.col.occurrences')}</th>
              <th className="col-declared">{t('alerts.col.lastSeen')}</th>
              <th>{t('alerts.col.routedTo')}</th>
              <th>
                <span className="visually-hidden">{t('pages.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((alert) => (
              <AlertRow key={alert.id} alert={alert} canAct={user.role !== 'viewer'} />
            ))}
          </tbody>
        </table>
        {list.isPending ? <div className="table-message">{t('app.loading')}</div> : null}
        {list.isSuccess && !alerts.length ? (
          <div className="table-message" data-testid="alerts-empty">
            {filtered ? t('alerts.empty') : t('alerts.emptyOpen')}
          </div>
        ) : null}
      </div>
      <div className="list-footer">
        {alerts.length ? <span className="muted">{t('list.count', { count: alerts.length })}</span> : <span />}
        {list.hasNextPage ? (
          <button type="button" className="btn" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t('list.loadingMore') : t('list.loadMore')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The labels people scan for first; the rest are on the alert's page. */
const SHOWN_LABELS = ['service', 'env', 'instance', 'job', 'team'];

function AlertRow({ alert, canAct }: { alert: AlertView; canAct: boolean }) {
  const { t } = useI18n();
  const href = `/alerts/${encodeURIComponent(alert.id)}`;
  const labels = SHOWN_LABELS.filter((key) => alert.labels[key]).map((key) => `${key}=${alert.labels[key]}`);
  return (
    <tr
      className={`incident-row alert-row alert-row-${alert.status}`}
      data-testid="alert-row"
      data-number={alert.number}
      data-status={alert.status}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('a, button')) navigate(href);
      }}
    >
      <td className="col-ref">
        <Link to={href} className="ref">
          #{alert.number}
        </Link>
      </td>
      <td className="col-title">
        <Link to={href} className="row-title" data-testid="alert-title">
          {alert.title}
        </Link>
        <div className="muted small row-sub alert-row-sub">
          {alert.integration ? <span>{alert.integration.name}</span> : null}
          {labels.map((label) => (
            <code key={label} className="alert-label-inline">
              {label}
            </code>
          ))}
        </div>
      </td>
      <td>
        <AlertSeverityBadge severity={alert.severity} sourceSeverity={alert.sourceSeverity} />
      </td>
      <td>
        <AlertStatusBadge status={alert.status} />
      </td>
      <td className="col-number" data-testid="alert-occurrences">
        {alert.occurrences > 1 ? <span className="occurrences">×{alert.occurrences}</span> : <span className="muted">1</span>}
      </td>
      <td className="col-declared">
        <RelativeTime iso={alert.lastSeenAt} />
      </td>
      <td>
        <AlertTargets alert={alert} />
      </td>
      <td className="col-actions">{canAct ? <AlertActions alert={alert} /> : null}</td>
    </tr>
  );
}
