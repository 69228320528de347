import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useIncident, useRunbooks, useServices, useTimeline, useUsers } from '../api/queries.js';
import type { User } from '../api/types.js';
import { SeverityBadge, StatusBadge } from '../components/badges.js';
import { ErrorMessage } from '../components/error-message.js';
import { Composer } from '../components/composer.js';
import { FactsPanel } from '../components/incident-facts.js';
import { SeverityProposalBanner } from '../components/severity-proposal.js';
import { IncidentSidebar } from '../components/incident-sidebar.js';
import { RunbookPanel } from '../components/runbooks/runbook-panel.js';
import { SloBudgetPanel } from '../components/slo-budget-panel.js';
import { EditableSummary, EditableTitle } from '../components/editable.js';
import { Timeline, type NameBook } from '../components/timeline.js';
import { useI18n } from '../i18n/index.js';
import { Link } from '../lib/router.js';

export function IncidentPage({ reference, user }: { reference: string; user: User }) {
  const { t } = useI18n();
  const incident = useIncident(reference);
  const timeline = useTimeline(reference);
  const users = useUsers();
  const services = useServices();
  const runbooks = useRunbooks();

  const names = useMemo<NameBook>(
    () => ({
      users: new Map((users.data ?? []).map((u) => [u.id, u.name])),
      services: new Map((services.data ?? []).map((s) => [s.id, s.name])),
      runbooks: new Map((runbooks.data ?? []).map((r) => [r.id, r.title])),
    }),
    [users.data, services.data, runbooks.data],
  );

  const data = incident.data;
  useEffect(() => {
    document.title = data ? `${data.reference} ${data.title} · Hikeshi` : 'Hikeshi';
  }, [data]);

  if (incident.isPending) return <div className="page page-loading">{t('app.loading')}</div>;
  if (!data) {
    const notFound = incident.error instanceof ApiError && incident.error.status === 404;
    return (
      <div className="page">
        <Breadcrumb reference={reference} />
        {notFound ? (
          <div className="empty-state">
            <h1>{t('app.notFound')}</h1>
            <ErrorMessage error={incident.error} />
            <Link to="/incidents" className="btn">
              {t('app.backToIncidents')}
            </Link>
          </div>
        ) : (
          <ErrorMessage error={incident.error} onRetry={() => void incident.refetch()} />
        )}
      </div>
    );
  }

  return (
    <div className="page incident-page" data-testid="incident-page" data-reference={data.reference}>
      <Breadcrumb reference={data.reference} />
      <header className="incident-header">
        <div className="incident-meta-line">
          <span className="ref ref-large" data-testid="incident-reference">
            {data.reference}
          </span>
          <StatusBadge status={data.status} />
          <SeverityBadge severity={data.severity} />
          <Link to={`/incidents/${encodeURIComponent(data.reference)}/postmortem`} className="btn btn-small incident-postmortem-link" data-testid="postmortem-link">
            {t('postmortem.open')}
          </Link>
        </div>
        <EditableTitle incident={data} />
      </header>

      <div className="incident-layout">
        <div className="incident-main">
          <section className="card section">
            <EditableSummary incident={data} />
          </section>

          <SeverityProposalBanner incident={data} canAct={user.role !== 'viewer'} />

          <FactsPanel incident={data} canEdit={user.role !== 'viewer'} />

          <RunbookPanel reference={data.reference} canAct={user.role !== 'viewer'} />

          <SloBudgetPanel reference={data.reference} mitigated={data.mitigatedAt !== null || data.resolvedAt !== null} />

          <section className="card section" aria-labelledby="timeline-heading">
            <div className="section-header">
              <h2 id="timeline-heading">{t('timeline.title')}</h2>
            </div>
            {timeline.isPending ? <p className="muted">{t('app.loading')}</p> : null}
            <ErrorMessage error={timeline.error} onRetry={() => void timeline.refetch()} />
            {timeline.data ? <Timeline events={timeline.data} names={names} /> : null}
            <Composer reference={data.reference} user={user} />
          </section>
        </div>
        <IncidentSidebar incident={data} user={user} users={users.data ?? []} usersError={users.error} />
      </div>
    </div>
  );
}

function Breadcrumb({ reference }: { reference: string }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <Link to="/incidents">{t('incident.breadcrumb')}</Link>
      <span aria-hidden="true">/</span>
      <span aria-current="page">{reference}</span>
    </nav>
  );
}
