import { useRotaSource, useUserGroupStatus } from '../../api/queries.js';
import type { RotaSourceStatus, User, UserGroupStatus } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { ErrorMessage } from '../error-message.js';
import { AbsoluteTime, RelativeTime } from '../time.js';

const PROBLEMS_SHOWN = 5;

/** Read-only: the schedule's Slack user group sync and spreadsheet rota sync, when it has them. */
export function SyncPanels({ scheduleId, users }: { scheduleId: string; users: User[] }) {
  const group = useUserGroupStatus(scheduleId);
  const rota = useRotaSource(scheduleId);
  return (
    <>
      <section className="card side-section" data-testid="user-group-panel">
        <UserGroupPanel status={group.data} users={users} error={group.error} />
      </section>
      <section className="card side-section" data-testid="rota-source-panel">
        <RotaSourcePanel status={rota.data} error={rota.error} />
      </section>
    </>
  );
}

function UserGroupPanel({ status, users, error }: { status: UserGroupStatus | null | undefined; users: User[]; error: unknown }) {
  const { t, label } = useI18n();
  const heading = <h3>{t('sync.userGroup')}</h3>;
  if (error) return <>{heading}<ErrorMessage error={error} compact /></>;
  if (status === undefined) return <>{heading}<p className="muted small">{t('app.loading')}</p></>;
  if (status === null) return <>{heading}<p className="muted small">{t('sync.userGroupOff')}</p></>;
  const bySlackId = new Map(users.filter((u) => u.slackUserId).map((u) => [u.slackUserId as string, u.name]));
  return (
    <>
      {heading}
      <dl className="sync-facts small">
        <div>
          <dt>{t('sync.handle')}</dt>
          <dd>
            <code>@{status.handle}</code>
          </dd>
        </div>
        <div>
          <dt>{t('sync.members')}</dt>
          <dd data-testid="user-group-members">{status.members.length ? status.members.map((id) => bySlackId.get(id) ?? id).join(', ') : '—'}</dd>
        </div>
        <div>
          <dt>{t('sync.lastSync')}</dt>
          <dd>
            {status.lastSyncAt ? <RelativeTime iso={status.lastSyncAt} /> : t('sync.never')}
            {status.lastSyncResult ? <span className={`sync-result sync-${status.lastSyncResult}`}> · {label('syncResult', status.lastSyncResult)}</span> : null}
          </dd>
        </div>
      </dl>
      {status.leftOut.length ? (
        <p className="small muted sync-note">
          {t('sync.leftOut', { names: status.leftOut.map((p) => `${p.name} (${label('leftOut', p.reason)})`).join(', ') })}
        </p>
      ) : null}
      {status.warning ? (
        <p className="alert alert-compact settings-warning" role="status">
          {status.warning}
        </p>
      ) : null}
    </>
  );
}

function RotaSourcePanel({ status, error }: { status: RotaSourceStatus | null | undefined; error: unknown }) {
  const { t, label } = useI18n();
  const heading = <h3>{t('sync.rota')}</h3>;
  if (error) return <>{heading}<ErrorMessage error={error} compact /></>;
  if (status === undefined) return <>{heading}<p className="muted small">{t('app.loading')}</p></>;
  if (status === null) return <>{heading}<p className="muted small">{t('sync.rotaOff')}</p></>;
  const problems = status.lastFile?.problems ?? [];
  return (
    <>
      {heading}
      <dl className="sync-facts small">
        <div>
          <dt>{t('sync.address')}</dt>
          <dd>
            <code className="sync-url">{status.url}</code>
          </dd>
        </div>
        <div>
          <dt>{t('sync.appliesAs')}</dt>
          <dd>{t(`sync.mode.${status.mode}`, { role: status.role })}</dd>
        </div>
        <div>
          <dt>{t('sync.lastCheck')}</dt>
          <dd>
            {status.lastCheckedAt ? <RelativeTime iso={status.lastCheckedAt} /> : t('sync.never')}
            {status.lastOutcome ? <span className={`sync-result sync-${status.lastOutcome}`}> · {label('rotaOutcome', status.lastOutcome)}</span> : null}
          </dd>
        </div>
        {status.lastAppliedAt ? (
          <div>
            <dt>{t('sync.lastApplied')}</dt>
            <dd>
              <AbsoluteTime iso={status.lastAppliedAt} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('sync.nextCheck')}</dt>
          <dd>
            <RelativeTime iso={status.nextCheckAt} /> {t('sync.every', { minutes: status.intervalMinutes })}
          </dd>
        </div>
      </dl>
      {status.lastMessage ? <p className="small muted sync-note">{status.lastMessage}</p> : null}
      {problems.length ? (
        <div className="sync-problems">
          <p className="small warn-text">{t('sync.problems', { count: problems.length })}</p>
          <ul className="plain-list small">
            {problems.slice(0, PROBLEMS_SHOWN).map((p) => (
              <li key={`${p.line}-${p.code}-${p.column ?? ''}`}>
                <span className="sync-line">{t('sync.line', { line: p.line })}</span> {p.message}
              </li>
            ))}
          </ul>
          {problems.length > PROBLEMS_SHOWN ? <p className="muted small">{t('sync.moreProblems', { count: problems.length - PROBLEMS_SHOWN })}</p> : null}
        </div>
      ) : null}
    </>
  );
}
