import { useEffect } from 'react';
import { useRunbooks } from '../../api/queries.js';
import type { RunbookTriggerView, User } from '../../api/types.js';
import { pickText } from '../../../../src/domain/runbooks/text.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';

/** `SEV2 or worse · payments · #customer-facing`: every condition of one trigger. */
function describeTrigger(trigger: RunbookTriggerView, t: I18n['t']): string {
  return [
    trigger.severityAtLeast ? t('runbook.trigger.severity', { severity: trigger.severityAtLeast }) : null,
    trigger.service ? t('runbook.trigger.service', { service: trigger.service }) : null,
    trigger.tag ? `#${trigger.tag}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function RunbooksPage({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const runbooks = useRunbooks();

  useEffect(() => {
    document.title = `${t('runbook.listTitle')} · Hikeshi`;
  }, [t]);

  const items = runbooks.data ?? [];
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-header-stacked">
          <h1>{t('runbook.listTitle')}</h1>
          <p className="muted">{t('runbook.listSubtitle')}</p>
        </div>
        {user.role === 'admin' ? (
          <Link to="/runbooks/new" className="btn btn-primary" data-testid="runbook-new">
            {t('runbook.new')}
          </Link>
        ) : null}
      </div>
      <ErrorMessage error={runbooks.error} onRetry={() => void runbooks.refetch()} />
      {runbooks.isPending ? <div className="page-loading">{t('app.loading')}</div> : null}
      {runbooks.isSuccess && !items.length ? (
        <div className="card table-message" data-testid="runbooks-empty">
          {t('runbook.empty')}
        </div>
      ) : null}
      {items.length ? (
        <div className="card table-card">
          <table className="incident-table runbook-table" data-testid="runbook-list">
            <thead>
              <tr>
                <th scope="col">{t('runbook.col.id')}</th>
                <th scope="col">{t('runbook.col.title')}</th>
                <th scope="col">{t('runbook.col.triggers')}</th>
                <th scope="col">{t('runbook.col.steps')}</th>
                <th scope="col">{t('runbook.col.source')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((runbook) => (
                <tr key={runbook.id} data-testid="runbook-row" data-runbook={runbook.id}>
                  <td className="col-ref">
                    <code>{runbook.id}</code>
                  </td>
                  <td className="col-title">
                    <Link to={`/runbooks/${encodeURIComponent(runbook.id)}/edit`} className="row-title">
                      {pickText(runbook.title, lang)}
                    </Link>
                    {runbook.description ? <div className="muted small">{pickText(runbook.description, lang)}</div> : null}
                  </td>
                  <td>
                    {runbook.triggers.length ? (
                      <ul className="trigger-list">
                        {runbook.triggers.map((trigger, i) => (
                          <li key={i} className="trigger-chip">
                            {describeTrigger(trigger, t)}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">{t('runbook.trigger.manual')}</span>
                    )}
                  </td>
                  <td className="col-number">{runbook.stepCount}</td>
                  <td>
                    {runbook.source === 'file' ? (
                      <span className="source-file" title={t('runbook.source.file')}>
                        <code>{runbook.file}</code>
                      </span>
                    ) : (
                      <span className="muted">{t('runbook.source.api')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
