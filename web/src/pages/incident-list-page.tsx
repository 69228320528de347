import { useEffect, useMemo, useState } from 'react';
import { useIncidentList, useMeta, useServices } from '../api/queries.js';
import type { Incident, IncidentFilters } from '../api/types.js';
import { Person, SeverityBadge, StatusBadge } from '../components/badges.js';
import { ErrorMessage } from '../components/error-message.js';
import { RelativeTime } from '../components/time.js';
import { useI18n } from '../i18n/index.js';
import { Link, navigate, useLocation } from '../lib/router.js';
import { dayBoundary } from '../lib/time.js';

const DEFAULT_STATUSES = ['triage', 'investigating', 'identified', 'monitoring', 'resolved', 'closed'];

/** Filters live in the URL, so a filtered list can be shared and survives a reload. */
interface UrlFilters {
  status: string[];
  severity: string;
  service: string;
  from: string;
  to: string;
  q: string;
}

function readFilters(search: URLSearchParams): UrlFilters {
  return {
    status: (search.get('status') ?? '').split(',').filter(Boolean),
    severity: search.get('severity') ?? '',
    service: search.get('service') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    q: search.get('q') ?? '',
  };
}

function writeFilters(filters: UrlFilters): string {
  const search = new URLSearchParams();
  if (filters.status.length) search.set('status', filters.status.join(','));
  for (const key of ['severity', 'service', 'from', 'to', 'q'] as const) if (filters[key]) search.set(key, filters[key]);
  const text = search.toString();
  return `/incidents${text ? `?${text}` : ''}`;
}

export function IncidentListPage() {
  const { t } = useI18n();
  const location = useLocation();
  const filters = useMemo(() => readFilters(location.search), [location.href]);
  const meta = useMeta();
  const services = useServices();

  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => {
    if (q === filters.q) return;
    const id = window.setTimeout(() => navigate(writeFilters({ ...filters, q }), { replace: true }), 300);
    return () => window.clearTimeout(id);
  }, [q, filters]);

  useEffect(() => {
    document.title = `${t('list.title')} · Hikeshi`;
  }, [t]);

  const apiFilters: IncidentFilters = {
    status: filters.status,
    severity: filters.severity,
    service: filters.service,
    declaredFrom: dayBoundary(filters.from, 'start'),
    declaredTo: dayBoundary(filters.to, 'end'),
    q: filters.q,
  };
  const list = useIncidentList(apiFilters);
  const incidents = list.data?.pages.flatMap((page) => page.items) ?? [];
  const update = (change: Partial<UrlFilters>) => navigate(writeFilters({ ...filters, ...change }), { replace: true });
  const filtered = Boolean(filters.status.length || filters.severity || filters.service || filters.from || filters.to || filters.q);
  const statuses = meta.data?.statuses ?? DEFAULT_STATUSES;

  const toggleStatus = (status: string) =>
    update({ status: filters.status.includes(status) ? filters.status.filter((s) => s !== status) : [...filters.status, status] });

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('list.title')}</h1>
      </div>

      <section className="filters" aria-label={t('list.filters')}>
        <div className="filter-row">
          <div className="search">
            <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
              <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
            <input
              type="search"
              aria-label={t('list.filter.q')}
              placeholder={t('list.filter.qPlaceholder')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              data-testid="filter-q"
            />
          </div>
          <label className="inline-field">
            <span>{t('list.filter.severity')}</span>
            <select value={filters.severity} onChange={(e) => update({ severity: e.target.value })} data-testid="filter-severity">
              <option value="">{t('list.filter.any')}</option>
              {(meta.data?.severities ?? []).map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>{t('list.filter.service')}</span>
            <select value={filters.service} onChange={(e) => update({ service: e.target.value })} data-testid="filter-service">
              <option value="">{t('list.filter.any')}</option>
              {(services.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>{t('list.filter.from')}</span>
            <input type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => update({ from: e.target.value })} data-testid="filter-from" />
          </label>
          <label className="inline-field">
            <span>{t('list.filter.to')}</span>
            <input type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => update({ to: e.target.value })} data-testid="filter-to" />
          </label>
        </div>
        <div className="filter-row">
          <div className="chips" role="group" aria-label={t('list.filter.status')}>
            <span className="chips-label">{t('list.filter.status')}</span>
            {statuses.map((status) => {
              const on = filters.status.includes(status);
              return (
                <button
                  key={status}
                  type="button"
                  className={`chip chip-${status}${on ? ' on' : ''}`}
                  aria-pressed={on}
                  onClick={() => toggleStatus(status)}
                  data-testid={`filter-status-${status}`}
                >
                  <span className="dot" aria-hidden="true" />
                  <StatusLabel status={status} />
                </button>
              );
            })}
          </div>
          {filtered ? (
            <button type="button" className="btn btn-ghost btn-small" onClick={() => navigate('/incidents', { replace: true })} data-testid="filter-clear">
              {t('list.filter.clear')}
            </button>
          ) : null}
        </div>
      </section>

      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />

      <div className="card table-card">
        <table className="incident-table" data-testid="incident-table">
          <thead>
            <tr>
              <th className="col-ref">{t('list.col.reference')}</th>
              <th>{t('list.col.title')}</th>
              <th className="col-status">{t('list.col.status')}</th>
              <th className="col-sev">{t('list.col.severity')}</th>
              <th className="col-services">{t('list.col.services')}</th>
              <th className="col-declared">{t('list.col.declared')}</th>
              <th className="col-commander">{t('list.col.commander')}</th>
            </tr>
          </thead>
          <tbody>
            {incidents.map((incident) => (
              <IncidentRow key={incident.id} incident={incident} />
            ))}
          </tbody>
        </table>
        {list.isPending ? <div className="table-message">{t('app.loading')}</div> : null}
        {list.isSuccess && incidents.length === 0 ? (
          <div className="table-message" data-testid="list-empty">
            {filtered ? t('list.empty') : t('list.emptyAll')}
          </div>
        ) : null}
      </div>

      <div className="list-footer">
        {incidents.length ? <span className="muted">{t('list.count', { count: incidents.length })}</span> : <span />}
        {list.hasNextPage ? (
          <button type="button" className="btn" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage} data-testid="load-more">
            {list.isFetchingNextPage ? t('list.loadingMore') : t('list.loadMore')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function StatusLabel({ status }: { status: string }) {
  const { label } = useI18n();
  return <>{label('status', status)}</>;
}

function IncidentRow({ incident }: { incident: Incident }) {
  const href = `/incidents/${incident.reference}`;
  const shown = incident.services.slice(0, 2);
  const extra = incident.services.length - shown.length;
  return (
    <tr
      className="incident-row"
      data-testid="incident-row"
      data-reference={incident.reference}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a')) return;
        navigate(href);
      }}
    >
      <td className="col-ref">
        <Link to={href} className="ref">
          {incident.reference}
        </Link>
      </td>
      <td className="col-title">
        <Link to={href} className="row-title">
          {incident.title}
        </Link>
      </td>
      <td className="col-status">
        <StatusBadge status={incident.status} />
      </td>
      <td className="col-sev">
        <SeverityBadge severity={incident.severity} />
      </td>
      <td className="col-services">
        <span className="service-list">
          {shown.map((s) => (
            <span key={s.id} className="tag">
              {s.name}
            </span>
          ))}
          {extra > 0 ? <span className="tag tag-more" title={incident.services.map((s) => s.name).join(', ')}>+{extra}</span> : null}
        </span>
      </td>
      <td className="col-declared">
        <RelativeTime iso={incident.declaredAt ?? incident.createdAt} />
      </td>
      <td className="col-commander">{incident.roles.commander ? <Person name={incident.roles.commander.name} /> : <span className="muted">—</span>}</td>
    </tr>
  );
}
