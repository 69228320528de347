import { useState } from 'react';
import { parse, stringify } from 'yaml';
import { useUpdateIntegration, type IntegrationView } from '../../api/integrations.js';
import { useI18n } from '../../i18n/index.js';
import { ErrorMessage } from '../error-message.js';

const EXAMPLE = `- when: { field: alert.labels.severity, op: in, value: [critical, page] }
  service: checkout
  action: page
- service: checkout
  action: attach
`;

/** Routing rules (first match wins), read as YAML and edited as YAML by admins. */
export function RoutesEditor({ integration, canEdit }: { integration: IntegrationView; canEdit: boolean }) {
  const { t } = useI18n();
  const update = useUpdateIntegration(integration.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [syntaxError, setSyntaxError] = useState<string | null>(null);
  const current = integration.routes.length ? stringify(integration.routes) : '';

  const save = () => {
    let routes: unknown;
    try {
      routes = draft?.trim() ? parse(draft) : [];
    } catch (error) {
      setSyntaxError(error instanceof Error ? error.message : String(error));
      return;
    }
    if (!Array.isArray(routes)) {
      setSyntaxError(t('integration.routes.notList'));
      return;
    }
    setSyntaxError(null);
    update.mutate({ routes }, { onSuccess: () => setDraft(null) });
  };

  return (
    <section className="card section" aria-labelledby="routes-heading" data-testid="integration-routes">
      <div className="section-header">
        <h2 id="routes-heading">{t('integration.routes.title')}</h2>
        {canEdit && draft === null ? (
          <button type="button" className="btn btn-small" onClick={() => setDraft(current || EXAMPLE)} data-testid="routes-edit">
            {t('integration.routes.edit')}
          </button>
        ) : null}
      </div>
      <p className="muted small mb">{t('integration.routes.help')}</p>
      {draft !== null ? (
        <div className="stack-tight">
          <textarea
            className="routes-text"
            rows={Math.max(8, draft.split('\n').length + 1)}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            spellCheck={false}
            aria-label={t('integration.routes.title')}
            data-testid="routes-yaml"
          />
          {syntaxError ? <div className="problem problem-error">{syntaxError}</div> : null}
          <ErrorMessage error={update.error} compact />
          <div className="form-actions form-actions-start">
            <button type="button" className="btn btn-primary btn-small" disabled={update.isPending} onClick={save} data-testid="routes-save">
              {update.isPending ? t('integration.saving') : t('integration.routes.save')}
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setDraft(null)}>
              {t('declare.cancel')}
            </button>
          </div>
        </div>
      ) : current ? (
        <pre className="code-block" data-testid="routes-current">
          {current}
        </pre>
      ) : (
        <p className="muted" data-testid="routes-none">
          {t('integration.routes.none')}
        </p>
      )}
    </section>
  );
}
