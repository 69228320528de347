import { useEffect } from 'react';
import { useOnCallNow, useSchedules } from '../../api/queries.js';
import { Person } from '../../components/badges.js';
import { ErrorMessage } from '../../components/error-message.js';
import { OnCallTabs } from '../../components/oncall/oncall-tabs.js';
import { RelativeTime } from '../../components/time.js';
import { useI18n } from '../../i18n/index.js';
import { Link, navigate } from '../../lib/router.js';
import { formatInZone } from '../../lib/time.js';

/** Every schedule with who is on call now, until when, and the next handoff. */
export function SchedulesPage() {
  const { t, lang } = useI18n();
  const onCall = useOnCallNow();
  const schedules = useSchedules();

  useEffect(() => {
    document.title = `${t('oncall.title')} · Hikeshi`;
  }, [t]);

  const details = new Map((schedules.data ?? []).map((s) => [s.id, s]));
  const items = onCall.data?.items ?? [];

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('oncall.title')}</h1>
      </div>
      <OnCallTabs active="schedules" />
      <ErrorMessage error={onCall.error} onRetry={() => void onCall.refetch()} />
      <div className="card table-card">
        <table className="incident-table" data-testid="schedule-table">
          <thead>
            <tr>
              <th>{t('oncall.col.schedule')}</th>
              <th>{t('oncall.col.now')}</th>
              <th>{t('oncall.col.until')}</th>
              <th>{t('oncall.col.next')}</th>
              <th className="col-zone">{t('oncall.col.zone')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const href = `/oncall/schedules/${encodeURIComponent(item.schedule.id)}`;
              const zone = item.schedule.timeZone;
              const schedule = details.get(item.schedule.id);
              return (
                <tr
                  key={item.schedule.id}
                  className="incident-row"
                  data-testid="schedule-row"
                  data-schedule={item.schedule.name}
                  onClick={(event) => {
                    if (!(event.target as HTMLElement).closest('a')) navigate(href);
                  }}
                >
                  <td>
                    <Link to={href} className="row-title">
                      {item.schedule.name}
                    </Link>
                    {item.team ? <span className="muted small"> · {item.team.name}</span> : null}
                    {schedule?.description ? <div className="muted small row-sub">{schedule.description}</div> : null}
                  </td>
                  <td data-testid="schedule-now">
                    {item.problem ? (
                      <span className="gap-label" title={item.problem}>
                        {t('oncall.problem')}
                      </span>
                    ) : item.user ? (
                      <Person name={item.user.name} />
                    ) : (
                      <span className="gap-label">{t('oncall.nobody')}</span>
                    )}
                  </td>
                  <td className="col-declared">
                    {item.until ? (
                      <span>
                        {formatInZone(item.until, lang, zone, 'dateTime')} <span className="muted small">(<RelativeTime iso={item.until} />)</span>
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    {item.nextHandoff ? (
                      <span className="handoff">
                        {item.nextHandoff.to ? <Person name={item.nextHandoff.to.name} /> : <span className="gap-label">{t('oncall.gapShort')}</span>}
                        <span className="muted small">{formatInZone(item.nextHandoff.at, lang, zone, 'dateTime')}</span>
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="col-zone muted small">{zone}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {onCall.isPending ? <div className="table-message">{t('app.loading')}</div> : null}
        {onCall.isSuccess && !items.length ? (
          <div className="table-message" data-testid="schedules-empty">
            {t('oncall.empty')}
          </div>
        ) : null}
      </div>
      <p className="muted small list-note">{t('oncall.zoneNote')}</p>
    </div>
  );
}
