import { useEffect } from 'react';
import { useSchedules, useShiftsOfSchedules, useUserCalendarToken } from '../../api/queries.js';
import type { User } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { CalendarLink } from '../../components/oncall/calendar-link.js';
import { OnCallTabs } from '../../components/oncall/oncall-tabs.js';
import { RelativeTime } from '../../components/time.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';
import { formatInZone, formatSpanInZone } from '../../lib/time.js';
import { useNow } from '../../lib/use-now.js';

const WEEKS = 4;

/** The signed-in person's shifts on every schedule over the next four weeks. */
export function MyShiftsPage({ user }: { user: User }) {
  const { t, lang } = useI18n();
  const now = useNow(60_000);
  // The window moves on the hour, not every minute, so the requests stay cached.
  const hour = Math.floor(now / 3_600_000) * 3_600_000;
  const from = new Date(hour).toISOString();
  const to = new Date(hour + WEEKS * 7 * 86_400_000).toISOString();
  const schedules = useSchedules();
  const list = schedules.data ?? [];
  const results = useShiftsOfSchedules(list.map((s) => s.id), from, to);
  const calendarToken = useUserCalendarToken(user.id);

  useEffect(() => {
    document.title = `${t('myShifts.title')} · Hikeshi`;
  }, [t]);

  const mine = list
    .flatMap((schedule, i) =>
      (results[i]?.data?.shifts ?? []).filter((s) => s.user.id === user.id).map((s) => ({ schedule, start: s.start, end: s.end, override: !!s.source.overrideId })),
    )
    .filter((s) => Date.parse(s.end) > now)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const loading = schedules.isPending || results.some((r) => r.isPending);
  const failed = results.find((r) => r.error)?.error ?? schedules.error;
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('oncall.title')}</h1>
      </div>
      <OnCallTabs active="mine" />
      <div className="schedule-layout">
        <div className="schedule-main">
          <section className="card section" aria-labelledby="my-shifts-heading" data-testid="my-shifts">
            <div className="section-header">
              <h2 id="my-shifts-heading">{t('myShifts.heading', { weeks: WEEKS })}</h2>
              {mine.length ? <span className="muted small">{t('myShifts.count', { count: mine.length })}</span> : null}
            </div>
            <ErrorMessage error={failed} compact />
            {loading ? <p className="muted">{t('app.loading')}</p> : null}
            {!loading && !mine.length ? <p className="muted" data-testid="my-shifts-empty">{t('myShifts.none', { weeks: WEEKS })}</p> : null}
            <ul className="plain-list shift-list">
              {mine.map((s) => {
                const current = Date.parse(s.start) <= now;
                const zone = s.schedule.timeZone;
                return (
                  <li key={`${s.schedule.id}-${s.start}`} className={current ? 'shift-row is-now' : 'shift-row'} data-testid="my-shift">
                    <div className="shift-date">
                      <span className="shift-day">{formatInZone(s.start, lang, zone, 'day')}</span>
                      <span className="muted small">{formatInZone(s.start, lang, zone, 'weekday')}</span>
                    </div>
                    <div className="shift-main">
                      <Link to={`/oncall/schedules/${encodeURIComponent(s.schedule.id)}`} className="row-title">
                        {s.schedule.name}
                      </Link>
                      <span className="muted small">
                        {formatSpanInZone(s.start, s.end, lang, zone)} ({zone})
                        {zone !== browserZone ? ` · ${formatSpanInZone(s.start, s.end, lang, browserZone)} (${browserZone})` : ''}
                      </span>
                    </div>
                    <div className="shift-tags">
                      {s.override ? <span className="tag tag-override">{t('cal.override')}</span> : null}
                      {current ? (
                        <span className="badge status status-resolved">
                          <span className="dot" aria-hidden="true" />
                          {t('myShifts.onNow')}
                        </span>
                      ) : (
                        <span className="muted small">
                          <RelativeTime iso={s.start} />
                        </span>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        </div>
        <aside className="schedule-side">
          <section className="card side-section">
            <h3>{t('ical.personalTitle')}</h3>
            <CalendarLink create={calendarToken} help={t('ical.personalHelp')} />
          </section>
        </aside>
      </div>
    </div>
  );
}
