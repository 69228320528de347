import { useEffect, useState, type FormEvent } from 'react';
import { INTEGRATION_KINDS, useCreateIntegration, type IntegrationInput, type IntegrationKind } from '../../api/integrations.js';
import { ErrorMessage } from '../../components/error-message.js';
import { FieldError } from '../../components/field-error.js';
import { KIND_LABELS } from '../../components/integrations/kind-label.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { DEFAULT_GRAFANA_HMAC_HEADER } from '../../lib/integration-config.js';
import { unplacedError } from '../../lib/field-errors.js';
import { rememberFreshToken } from '../../lib/fresh-tokens.js';
import { Link, navigate } from '../../lib/router.js';
import '../../styles/alerts.css';

const KIND_HINTS: Record<IntegrationKind, MessageKey> = {
  generic: 'integrations.kindHint.generic',
  alertmanager: 'integrations.kindHint.alertmanager',
  grafana: 'integrations.kindHint.grafana',
  datadog: 'integrations.kindHint.datadog',
  pagerduty: 'integrations.kindHint.pagerduty',
  waroom: 'integrations.kindHint.waroom',
};

const PLACED_FIELDS = ['name', 'kind', 'hmacSecret', 'hmacHeader', 'hmacTimestampHeader', 'rateLimitPerMinute'];

export function IntegrationNewPage() {
  const { t } = useI18n();
  const create = useCreateIntegration();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<IntegrationKind>('alertmanager');
  const [hmacSecret, setHmacSecret] = useState('');
  const [hmacHeader, setHmacHeader] = useState(DEFAULT_GRAFANA_HMAC_HEADER);
  const [hmacTimestampHeader, setHmacTimestampHeader] = useState('');
  const [rateLimit, setRateLimit] = useState('');
  const [nameMissing, setNameMissing] = useState(false);

  useEffect(() => {
    document.title = `${t('integrations.newTitle')} · Hikeshi`;
  }, [t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      return;
    }
    const input: IntegrationInput = {
      name: name.trim(),
      kind,
      ...(kind === 'grafana' && hmacSecret
        ? { hmacSecret, hmacHeader: hmacHeader.trim() || DEFAULT_GRAFANA_HMAC_HEADER, ...(hmacTimestampHeader.trim() ? { hmacTimestampHeader: hmacTimestampHeader.trim() } : {}) }
        : {}),
      ...(rateLimit.trim() ? { rateLimitPerMinute: Number(rateLimit) } : {}),
    };
    create.mutate(input, {
      onSuccess: ({ token, ...integration }) => {
        rememberFreshToken(integration.id, token);
        navigate(`/integrations/${encodeURIComponent(integration.id)}`);
      },
    });
  };

  return (
    <div className="page page-narrow">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/integrations">{t('integrations.title')}</Link>
      </nav>
      <div className="page-header page-header-stacked">
        <h1>{t('integrations.newTitle')}</h1>
        <p className="muted">{t('integrations.newSubtitle')}</p>
      </div>
      <form className="card form-card stack" onSubmit={submit} noValidate data-testid="integration-form">
        <label className="field">
          <span className="field-label">
            {t('integrations.field.name')} <span className="required" aria-hidden="true">*</span>
          </span>
          <input
            type="text"
            autoFocus
            value={name}
            aria-invalid={nameMissing || undefined}
            placeholder={t('integrations.field.namePlaceholder')}
            onChange={(e) => {
              setName(e.target.value);
              if (e.target.value.trim()) setNameMissing(false);
            }}
            data-testid="integration-name"
          />
          {nameMissing ? <span className="field-error">{t('integrations.nameRequired')}</span> : null}
          <FieldError error={create.error} field="name" />
        </label>

        <div className="field">
          <span className="field-label" id="kind-label">
            {t('integrations.field.kind')}
          </span>
          <div className="kind-choices" role="radiogroup" aria-labelledby="kind-label" data-testid="integration-kind-choice">
            {INTEGRATION_KINDS.map((k) => (
              <label key={k} className={`kind-choice${kind === k ? ' on' : ''}`}>
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`integration-kind-${k}`} />
                <span className="kind-choice-name">{t(KIND_LABELS[k])}</span>
                <span className="kind-choice-hint muted small">{t(KIND_HINTS[k])}</span>
              </label>
            ))}
          </div>
          <FieldError error={create.error} field="kind" />
        </div>

        {kind === 'grafana' ? (
          <fieldset className="plain-fieldset stack-tight">
            <legend className="field-label">{t('integrations.field.hmac')}</legend>
            <p className="muted small">{t('integrations.field.hmacHelp')}</p>
            <label className="field">
              <span className="field-label">{t('integrations.field.hmacSecret')}</span>
              <input type="password" autoComplete="new-password" value={hmacSecret} onChange={(e) => setHmacSecret(e.target.value)} data-testid="integration-hmac-secret" />
              <FieldError error={create.error} field="hmacSecret" />
            </label>
            <label className="field">
              <span className="field-label">{t('integrations.field.hmacHeader')}</span>
              <input type="text" value={hmacHeader} disabled={!hmacSecret} onChange={(e) => setHmacHeader(e.target.value)} data-testid="integration-hmac-header" />
              <FieldError error={create.error} field="hmacHeader" />
            </label>
            <label className="field">
              <span className="field-label">{t('integrations.field.hmacTimestampHeader')}</span>
              <input type="text" value={hmacTimestampHeader} disabled={!hmacSecret} placeholder={t('integrations.field.optional')} onChange={(e) => setHmacTimestampHeader(e.target.value)} data-testid="integration-hmac-timestamp-header" />
              <FieldError error={create.error} field="hmacTimestampHeader" />
            </label>
          </fieldset>
        ) : null}

        <label className="field field-narrow">
          <span className="field-label">{t('integrations.field.rateLimit')}</span>
          <input type="number" min={1} step={1} inputMode="numeric" value={rateLimit} placeholder="600000" onChange={(e) => setRateLimit(e.target.value)} data-testid="integration-rate-limit" />
          <span className="muted small">{t('integrations.field.rateLimitHelp')}</span>
          <FieldError error={create.error} field="rateLimitPerMinute" />
        </label>

        <ErrorMessage error={unplacedError(create.error, (field) => PLACED_FIELDS.includes(field))} />
        <div className="form-actions">
          <Link to="/integrations" className="btn btn-ghost">
            {t('declare.cancel')}
          </Link>
          <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="integration-create">
            {create.isPending ? t('integrations.creating') : t('integrations.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
