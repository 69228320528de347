import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useDeleteIntegration, useIntegration, useRotateIntegrationToken, type IntegrationView } from '../../api/integrations.js';
import type { User } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { ConfigSnippets } from '../../components/integrations/config-snippets.js';
import { CopyField } from '../../components/integrations/copy-button.js';
import { KindLabel } from '../../components/integrations/kind-label.js';
import { RoutesEditor } from '../../components/integrations/routes-editor.js';
import { useI18n } from '../../i18n/index.js';
import { DEFAULT_GRAFANA_HMAC_HEADER } from '../../lib/integration-config.js';
import { forgetFreshToken, peekFreshToken, rememberFreshToken } from '../../lib/fresh-tokens.js';
import { Link, navigate } from '../../lib/router.js';
import '../../styles/alerts.css';

export function IntegrationPage({ id, user }: { id: string; user: User }) {
  const { t } = useI18n();
  const integration = useIntegration(id);
  const data = integration.data;
  // Shown once: the token lives in this page's state and is dropped when the page is left.
  const [token, setToken] = useState(() => peekFreshToken(id));
  useEffect(() => () => forgetFreshToken(id), [id]);

  useEffect(() => {
    document.title = `${data?.name ?? t('integrations.title')} · Hikeshi`;
  }, [data, t]);

  if (integration.isPending) return <div className="page page-loading">{t('app.loading')}</div>;
  if (!data) {
    const notFound = integration.error instanceof ApiError && integration.error.status === 404;
    return (
      <div className="page">
        <Breadcrumb />
        <ErrorMessage error={integration.error} onRetry={notFound ? undefined : () => void integration.refetch()} />
      </div>
    );
  }
  const isAdmin = user.role === 'admin';
  return (
    <div className="page page-medium" data-testid="integration-detail" data-kind={data.kind}>
      <Breadcrumb />
      <div className="page-header">
        <div className="page-header-stacked">
          <h1 data-testid="integration-title">{data.name}</h1>
          <p className="integration-subtitle">
            <KindLabel kind={data.kind} />
            <span className="muted small">{t('integrations.perMinute', { count: data.rateLimitPerMinute.toLocaleString() })}</span>
            {data.kind === 'grafana' ? <span className="muted small">{data.hasSigningSecret ? t('integration.hmacOn', { header: data.hmacHeader ?? DEFAULT_GRAFANA_HMAC_HEADER }) : t('integration.hmacOff')}</span> : null}
          </p>
        </div>
        {isAdmin ? <DeleteIntegration integration={data} /> : null}
      </div>
      <div className="stack">
        <TokenCard
          integration={data}
          token={token}
          canRotate={isAdmin}
          onRotated={(fresh) => {
            rememberFreshToken(id, fresh);
            setToken(fresh);
          }}
        />
        <ConfigSnippets integration={data} token={token} />
        <RoutesEditor integration={data} canEdit={isAdmin} />
      </div>
    </div>
  );
}

function Breadcrumb() {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <Link to="/integrations">{t('integrations.title')}</Link>
    </nav>
  );
}

function TokenCard({ integration, token, canRotate, onRotated }: { integration: IntegrationView; token?: string; canRotate: boolean; onRotated: (token: string) => void }) {
  const { t } = useI18n();
  const rotate = useRotateIntegrationToken(integration.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card section" aria-labelledby="token-heading" data-testid="integration-token">
      <div className="section-header">
        <h2 id="token-heading">{t('integration.token')}</h2>
        {canRotate && !confirming ? (
          <button type="button" className="btn btn-small" onClick={() => setConfirming(true)} data-testid="token-rotate">
            {t('integration.rotate')}
          </button>
        ) : null}
      </div>
      {token ? (
        <div className="stack-tight">
          <div className="notice notice-warning token-once" role="status">
            {t('integration.tokenOnce')}
          </div>
          <CopyField label={t('integration.token')} value={token} testId="token-value" />
        </div>
      ) : (
        <p className="muted">
          {t('integration.tokenHidden')} <code className="token-hint">…{integration.tokenHint}</code>
        </p>
      )}
      {confirming ? (
        <div className="rotate-confirm">
          <span className="muted small">{t('integration.rotateConfirm')}</span>
          <button
            type="button"
            className="btn btn-danger btn-small"
            disabled={rotate.isPending}
            onClick={() => rotate.mutate(undefined, { onSuccess: (answer) => {
                setConfirming(false);
                onRotated(answer.token);
              } })}
            data-testid="token-rotate-confirm"
          >
            {t('integration.rotate')}
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(false)}>
            {t('declare.cancel')}
          </button>
        </div>
      ) : null}
      <ErrorMessage error={rotate.error} compact />
    </section>
  );
}

function DeleteIntegration({ integration }: { integration: IntegrationView }) {
  const { t } = useI18n();
  const remove = useDeleteIntegration();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="btn btn-ghost" onClick={() => setConfirming(true)} data-testid="integration-delete">
        {t('integration.delete')}
      </button>
    );
  }
  return (
    <div className="form-actions">
      <span className="muted small">{t('integration.deleteConfirm')}</span>
      <button type="button" className="btn btn-danger-ghost" disabled={remove.isPending} onClick={() => remove.mutate(integration.id, { onSuccess: () => navigate('/integrations') })} data-testid="integration-delete-confirm">
        {t('integration.delete')}
      </button>
      <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
        {t('declare.cancel')}
      </button>
      <ErrorMessage error={remove.error} compact />
    </div>
  );
}
