import { useEffect } from 'react';
import { useIntegrations, type IntegrationView } from '../../api/integrations.js';
import type { User } from '../../api/types.js';
import { AlertsTabs } from '../../components/alerts/alerts-tabs.js';
import { ErrorMessage } from '../../components/error-message.js';
import { KindLabel } from '../../components/integrations/kind-label.js';
import { RelativeTime } from '../../components/time.js';
import { useI18n } from '../../i18n/index.js';
import { Link, navigate } from '../../lib/router.js';
import '../../styles/alerts.css';

export function IntegrationsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const integrations = useIntegrations();
  const items = integrations.data ?? [];

  useEffect(() => {
    document.title = `${t('integrations.title')} · Hikeshi`;
  }, [t]);

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('integrations.title')}</h1>
        {user.role === 'admin' ? (
          <Link to="/integrations/new" className="btn btn-primary" data-testid="integration-new">
            {t('integrations.new')}
          </Link>
        ) : null}
      </div>
      <AlertsTabs active="integrations" />
      <p className="muted mb">{t('integrations.intro')}</p>
      <ErrorMessage error={integrations.error} onRetry={() => void integrations.refetch()} />
      <div className="card table-card">
        <table className="incident-table" data-testid="integration-table">
          <thead>
            <tr>
              <th>{t('integrations.col.name')}</th>
              <th>{t('integrations.col.kind')}</th>
              <th>{t('integrations.col.token')}</th>
              <th className="col-number">{t('integrations.col.rateLimit')}</th>
              <th className="col-number">{t('integrations.col.routes')}</th>
              <th className="col-declared">{t('integrations.col.created')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((integration) => (
              <IntegrationRow key={integration.id} integration={integration} />
            ))}
          </tbody>
        </table>
        {integrations.isPending ? <div className="table-message">{t('app.loading')}</div> : null}
        {integrations.isSuccess && !items.length ? (
          <div className="table-message" data-testid="integrations-empty">
            {t('integrations.empty')}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function IntegrationRow({ integration }: { integration: IntegrationView }) {
  const { t, lang } = useI18n();
  const href = `/integrations/${encodeURIComponent(integration.id)}`;
  return (
    <tr
      className="incident-row"
      data-testid="integration-row"
      data-name={integration.name}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('a, button')) navigate(href);
      }}
    >
      <td className="col-title">
        <Link to={href} className="row-title">
          {integration.name}
        </Link>
      </td>
      <td>
        <KindLabel kind={integration.kind} />
      </td>
      <td>
        <code className="token-hint">…{integration.tokenHint}</code>
      </td>
      <td className="col-number muted">{t('integrations.perMinute', { count: integration.rateLimitPerMinute.toLocaleString(lang) })}</td>
      <td className="col-number muted">{integration.routes.length || '—'}</td>
      <td className="col-declared">
        <RelativeTime iso={integration.createdAt} />
      </td>
    </tr>
  );
}
