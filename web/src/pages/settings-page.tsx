import { useEffect, type ReactNode } from 'react';
import { useSlackStatus } from '../api/queries.js';
import type { SlackStatus, SlackTokenSource } from '../api/types.js';
import { ErrorMessage } from '../components/error-message.js';
import { AbsoluteTime } from '../components/time.js';
import { useI18n } from '../i18n/index.js';

/** Read-only settings (admins): how Hikeshi reaches Slack, whose admin token it holds, its scopes. */
export function SettingsPage() {
  const { t } = useI18n();
  const status = useSlackStatus();

  useEffect(() => {
    document.title = `${t('settings.title')} · Hikeshi`;
  }, [t]);

  return (
    <div className="page page-narrow">
      <div className="page-header page-header-stacked">
        <h1>{t('settings.title')}</h1>
        <p className="muted">{t('settings.subtitle')}</p>
      </div>
      {status.isPending ? <div className="page-loading">{t('app.loading')}</div> : null}
      {status.isError ? <ErrorMessage error={status.error} onRetry={() => void status.refetch()} /> : null}
      {status.data ? <SlackSettings status={status.data} /> : null}
    </div>
  );
}

function SlackSettings({ status }: { status: SlackStatus }) {
  const { t } = useI18n();
  if (!status.configured) {
    return (
      <section className="card section" data-testid="slack-settings" data-configured="false">
        <h2 className="settings-heading">{t('settings.slack')}</h2>
        <p className="muted">{t('settings.slack.off')}</p>
      </section>
    );
  }
  return (
    <div className="stack" data-testid="slack-settings" data-configured="true">
      <section className="card section">
        <div className="section-header">
          <h2>{t('settings.slack')}</h2>
          <span className={status.team ? 'settings-state on' : 'settings-state'} data-testid="slack-team">
            {status.team ? t('settings.slack.connected', { team: status.team.name }) : t('settings.slack.notInstalled')}
          </span>
        </div>
        <dl className="settings-list">
          <Row label={t('settings.mode')}>
            <div>
              <strong data-testid="token-mode" data-mode={status.mode}>
                {t(`settings.mode.${status.mode}`)}
              </strong>
              <p className="muted small">{t(`settings.modeHelp.${status.mode}`)}</p>
            </div>
          </Row>
          <Row label={t('settings.strategy')}>
            <code data-testid="token-strategy">slack.tokenStrategy: {status.strategy}</code>
          </Row>
        </dl>
        {status.missingAdminToken ? (
          <p className="alert alert-compact settings-warning" role="status" data-testid="missing-admin">
            {t('settings.missingAdmin', { strategy: status.strategy })}
          </p>
        ) : null}
      </section>

      <section className="card section" data-testid="admin-token">
        <h2 className="settings-heading">{t('settings.adminToken')}</h2>
        {status.admin ? (
          <dl className="settings-list">
            <Row label={t('settings.holder')}>
              <span data-testid="admin-holder">
                <strong>{status.admin.name}</strong> <code>{status.admin.userId}</code>
              </span>
            </Row>
            <Row label={t('settings.source')}>
              <SourceLabel source={status.admin.source} variable="SLACK_USER_TOKEN" />
            </Row>
            {status.admin.verifiedAt ? (
              <Row label={t('settings.verifiedAt')}>
                <AbsoluteTime iso={status.admin.verifiedAt} />
              </Row>
            ) : null}
            <Row label={t('settings.scopes')}>
              <Scopes scopes={status.admin.scopes} testId="admin-scopes" />
            </Row>
          </dl>
        ) : (
          <p className="muted" data-testid="admin-none">
            {status.adminProblem ? t(`settings.adminProblem.${status.adminProblem}`) : t('settings.none')}
          </p>
        )}
      </section>

      <section className="card section" data-testid="bot-token">
        <h2 className="settings-heading">{t('settings.bot')}</h2>
        {status.bot ? (
          <dl className="settings-list">
            {status.bot.userId ? (
              <Row label={t('settings.botUser')}>
                <code>{status.bot.userId}</code>
              </Row>
            ) : null}
            <Row label={t('settings.source')}>
              <SourceLabel source={status.bot.source} variable="SLACK_BOT_TOKEN" />
            </Row>
            <Row label={t('settings.scopes')}>
              <Scopes scopes={status.bot.scopes} testId="bot-scopes" />
            </Row>
          </dl>
        ) : (
          <p className="muted">{t('settings.none')}</p>
        )}
      </section>

      <section className="card section" data-testid="installation">
        <h2 className="settings-heading">{t('settings.installation')}</h2>
        {status.installedAt ? (
          <dl className="settings-list">
            <Row label={t('settings.installedAt')}>
              <AbsoluteTime iso={status.installedAt} />
            </Row>
            {status.updatedAt ? (
              <Row label={t('settings.updatedAt')}>
                <AbsoluteTime iso={status.updatedAt} />
              </Row>
            ) : null}
            {status.installedByUserId ? (
              <Row label={t('settings.installedBy')}>
                <span>
                  {status.admin?.userId === status.installedByUserId ? <strong>{status.admin.name}</strong> : null} <code>{status.installedByUserId}</code>
                </span>
              </Row>
            ) : null}
          </dl>
        ) : null}
        <p className="muted small settings-help">{t('settings.installHelp')}</p>
        {status.install.installers.length > 0 ? (
          <p className="small settings-help" data-testid="installers">
            {t('settings.installers', { ids: status.install.installers.join(', ') })}
          </p>
        ) : null}
        {status.install.available ? (
          // A full page load: the install flow is served by the server, outside this app.
          <a className="btn" href={status.install.path} data-testid="slack-install">
            {t('settings.install')}
          </a>
        ) : (
          <p className="small" data-testid="install-missing">
            {t('settings.installMissing', { names: status.install.missing.join(', ') })}
          </p>
        )}
      </section>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="settings-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SourceLabel({ source, variable }: { source: SlackTokenSource; variable: string }) {
  const { t } = useI18n();
  return <span>{source === 'installation' ? t('settings.source.installation') : t('settings.source.environment', { name: variable })}</span>;
}

function Scopes({ scopes, testId }: { scopes: string[] | null; testId: string }) {
  const { t } = useI18n();
  if (!scopes) return <span className="muted">{t('settings.scopesUnknown')}</span>;
  return (
    <ul className="settings-scopes" data-testid={testId}>
      {scopes.map((scope) => (
        <li key={scope}>
          <code>{scope}</code>
        </li>
      ))}
    </ul>
  );
}
