import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useOnCallNow, useRemoveOverride, useSchedule, useScheduleCalendarToken, useScheduleShifts, useTeams, useUsers } from '../../api/queries.js';
import type { Gap, OnCallAnswer, Schedule } from '../../api/types.js';
import { Person } from '../../components/badges.js';
import { ErrorMessage } from '../../components/error-message.js';
import { CalendarLink } from '../../components/oncall/calendar-link.js';
import { defaultOverrideDraft, OverrideForm, type OverrideDraft } from '../../components/oncall/override-form.js';
import { ScheduleCalendar, type PickedSpan } from '../../components/oncall/schedule-calendar.js';
import { SyncPanels } from '../../components/oncall/sync-panels.js';
import { useI18n } from '../../i18n/index.js';
import { calendarWindow, CALENDAR_VIEWS, isCalendarView, isIsoDate, isoToWallTime, moveAnchor, todayIn, type CalendarView } from '../../lib/calendar.js';
import { layerRows } from '../../lib/layer-rows.js';
import { Link, navigate, useLocation } from '../../lib/router.js';
import { formatInZone, formatSpanInZone, zoneOffsetLabel } from '../../lib/time.js';
import { useNow } from '../../lib/use-now.js';

export function SchedulePage({ id }: { id: string }) {
  const { t } = useI18n();
  const schedule = useSchedule(id);
  const data = schedule.data;

  useEffect(() => {
    document.title = `${data?.name ?? t('oncall.title')} · Hikeshi`;
  }, [data, t]);

  if (schedule.isPending) return <div className="page page-loading">{t('app.loading')}</div>;
  if (!data) {
    const notFound = schedule.error instanceof ApiError && schedule.error.status === 404;
    return (
      <div className="page">
        <Breadcrumb />
        {notFound ? (
          <div className="empty-state">
            <h1>{t('app.notFound')}</h1>
            <ErrorMessage error={schedule.error} />
            <Link to="/oncall" className="btn">
              {t('oncall.back')}
            </Link>
          </div>
        ) : (
          <ErrorMessage error={schedule.error} onRetry={() => void schedule.refetch()} />
        )}
      </div>
    );
  }
  return <ScheduleView schedule={data} />;
}

function Breadcrumb({ name }: { name?: string }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={t('oncall.breadcrumb')}>
      <Link to="/oncall">{t('oncall.title')}</Link>
      {name ? (
        <>
          <span aria-hidden="true">/</span>
          <span>{name}</span>
        </>
      ) : null}
    </nav>
  );
}

function ScheduleView({ schedule }: { schedule: Schedule }) {
  const { t, lang } = useI18n();
  const location = useLocation();
  const now = useNow(30_000);
  const zone = schedule.timeZone;
  const today = todayIn(zone, now);
  const viewParam = location.search.get('view');
  const dateParam = location.search.get('date');
  const view: CalendarView = isCalendarView(viewParam) ? viewParam : 'week';
  const anchor = isIsoDate(dateParam) ? dateParam : today;
  const win = useMemo(() => calendarWindow(view, anchor, zone), [view, anchor, zone]);
  const fromIso = new Date(win.from).toISOString();
  const toIso = new Date(win.to).toISOString();

  const shifts = useScheduleShifts(schedule.id, fromIso, toIso);
  const users = useUsers();
  const teams = useTeams();
  const onCall = useOnCallNow();
  const calendarToken = useScheduleCalendarToken(schedule.id);
  const layers = useMemo(() => layerRows(schedule, win.from, win.to), [schedule, win.from, win.to]);
  const [draft, setDraft] = useState<OverrideDraft>(() => defaultOverrideDraft(now, zone));

  const names = useMemo(() => {
    const map = new Map((users.data ?? []).map((u) => [u.id, u.name]));
    for (const s of shifts.data?.shifts ?? []) map.set(s.user.id, s.user.name);
    return map;
  }, [users.data, shifts.data]);

  const go = (next: { view?: CalendarView; date?: string }) => {
    const search = new URLSearchParams();
    const nextView = next.view ?? view;
    const nextDate = next.date ?? anchor;
    if (nextView !== 'week') search.set('view', nextView);
    if (nextDate !== today) search.set('date', nextDate);
    const text = search.toString();
    navigate(`${location.pathname}${text ? `?${text}` : ''}`, { replace: true });
  };

  const pick = (span: PickedSpan) => {
    setDraft({ userId: span.userId ?? '', start: isoToWallTime(span.start, zone), end: isoToWallTime(span.end, zone) });
    document.getElementById('override-heading')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  const current = onCall.data?.items.find((item) => item.schedule.id === schedule.id);
  const team = teams.data?.find((x) => x.id === schedule.teamId);
  const rangeLabel =
    view === 'month'
      ? formatInZone(win.from, lang, zone, 'month')
      : `${formatInZone(win.from, lang, zone, 'day')} – ${formatInZone(win.to - 1, lang, zone, 'day')}`;

  return (
    <div className="page schedule-page" data-testid="schedule-page">
      <Breadcrumb name={schedule.name} />
      <header className="schedule-header">
        <div className="schedule-title">
          <h1 data-testid="schedule-name">{schedule.name}</h1>
          {schedule.description ? <p className="muted">{schedule.description}</p> : null}
          <p className="schedule-meta small">
            <span className="zone-chip" data-testid="schedule-zone">
              <GlobeIcon />
              {t('oncall.timesIn', { zone, offset: zoneOffsetLabel(zone, lang, now) })}
            </span>
            {team ? <span className="tag">{t('oncall.team', { name: team.name })}</span> : null}
          </p>
        </div>
        <NowCard current={current} zone={zone} error={onCall.error} />
      </header>

      <div className="cal-toolbar" role="toolbar" aria-label={t('cal.navigation')}>
        <div className="cal-nav">
          <button type="button" className="btn btn-small" onClick={() => go({ date: today })} disabled={anchor === today} data-testid="cal-today">
            {t('cal.today')}
          </button>
          <button type="button" className="btn btn-small btn-icon" onClick={() => go({ date: moveAnchor(view, anchor, -1, zone) })} aria-label={t('cal.previous')} data-testid="cal-prev">
            <Chevron direction="left" />
          </button>
          <button type="button" className="btn btn-small btn-icon" onClick={() => go({ date: moveAnchor(view, anchor, 1, zone) })} aria-label={t('cal.next')} data-testid="cal-next">
            <Chevron direction="right" />
          </button>
          <h2 className="cal-range" aria-live="polite" data-testid="cal-range">
            {rangeLabel}
          </h2>
          {shifts.isFetching ? <span className="muted small">{t('app.loading')}</span> : null}
        </div>
        <div className="view-switch" role="group" aria-label={t('cal.view')}>
          {CALENDAR_VIEWS.map((v) => (
            <button key={v} type="button" className={v === view ? 'active' : ''} aria-pressed={v === view} onClick={() => go({ view: v })} data-testid={`cal-view-${v}`}>
              {t(`cal.view.${v}`)}
            </button>
          ))}
        </div>
      </div>

      <ErrorMessage error={shifts.error} onRetry={() => void shifts.refetch()} />
      <section className="card cal-card" aria-label={t('cal.title')}>
        <ScheduleCalendar
          schedule={schedule}
          window={win}
          layers={layers}
          shifts={shifts.data?.shifts ?? []}
          gaps={shifts.data?.gaps ?? []}
          names={names}
          now={now}
          today={today}
          onPick={pick}
        />
        <Legend />
      </section>

      <div className="schedule-layout">
        <div className="schedule-main">
          <GapList gaps={shifts.data?.gaps ?? []} zone={zone} loaded={shifts.isSuccess} onPick={pick} />
          <OverrideList schedule={schedule} names={names} now={now} />
        </div>
        <aside className="schedule-side">
          <section className="card side-section">
            <h3 id="override-heading">{t('override.title')}</h3>
            <OverrideForm scheduleId={schedule.id} timeZone={zone} users={users.data ?? []} draft={draft} onDraft={setDraft} />
            <ErrorMessage error={users.error} compact />
          </section>
          <section className="card side-section">
            <h3>{t('ical.title')}</h3>
            <CalendarLink create={calendarToken} help={t('ical.scheduleHelp')} />
          </section>
          <SyncPanels scheduleId={schedule.id} users={users.data ?? []} />
        </aside>
      </div>
    </div>
  );
}

type OnCallItem = OnCallAnswer['items'][number];

function NowCard({ current, zone, error }: { current: OnCallItem | undefined; zone: string; error: unknown }) {
  const { t, lang } = useI18n();
  if (error) return <ErrorMessage error={error} compact />;
  if (!current) return null;
  return (
    <div className={current.user ? 'now-card' : 'now-card now-card-gap'} data-testid="now-card">
      <span className="now-card-label">{t('oncall.now')}</span>
      {current.user ? (
        <span className="now-card-person" data-testid="now-person">
          <Person name={current.user.name} />
        </span>
      ) : (
        <span className="gap-label" data-testid="now-person">
          {t('oncall.nobody')}
        </span>
      )}
      <span className="muted small">
        {current.until ? t('oncall.until', { time: formatInZone(current.until, lang, zone, 'dateTime') }) : t('oncall.noEnd')}
      </span>
      {current.nextHandoff ? (
        <span className="muted small" data-testid="next-handoff">
          {t('oncall.next', { name: current.nextHandoff.to?.name ?? t('oncall.gapShort'), time: formatInZone(current.nextHandoff.at, lang, zone, 'dateTime') })}
        </span>
      ) : null}
    </div>
  );
}

function GapList({ gaps, zone, loaded, onPick }: { gaps: Gap[]; zone: string; loaded: boolean; onPick: (span: PickedSpan) => void }) {
  const { t, lang } = useI18n();
  return (
    <section className="card section" aria-labelledby="gaps-heading" data-testid="gap-list">
      <div className="section-header">
        <h2 id="gaps-heading">{t('gaps.title')}</h2>
        {gaps.length ? <span className="gap-label">{t('gaps.count', { count: gaps.length })}</span> : null}
      </div>
      {loaded && !gaps.length ? <p className="ok-text">{t('gaps.none')}</p> : null}
      <ul className="plain-list">
        {gaps.map((g) => (
          <li key={g.start} className="gap-row" data-testid="gap-row">
            <span className="gap-label">{t('cal.gap')}</span>
            <span className="gap-when">{formatSpanInZone(g.start, g.end, lang, zone)}</span>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => onPick({ userId: null, start: g.start, end: g.end })}>
              {t('gaps.cover')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OverrideList({ schedule, names, now }: { schedule: Schedule; names: Map<string, string>; now: number }) {
  const { t, lang } = useI18n();
  const remove = useRemoveOverride(schedule.id);
  const upcoming = schedule.overrides.filter((o) => Date.parse(o.end) > now).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return (
    <section className="card section" aria-labelledby="overrides-heading" data-testid="override-list">
      <div className="section-header">
        <h2 id="overrides-heading">{t('override.listTitle')}</h2>
      </div>
      {!upcoming.length ? <p className="muted">{t('override.none')}</p> : null}
      <ul className="plain-list">
        {upcoming.map((o) => {
          const name = names.get(o.userId) ?? o.userId;
          const when = formatSpanInZone(o.start, o.end, lang, schedule.timeZone);
          return (
            <li key={o.id} className="override-row" data-testid="override-row">
              <span className="override-mark" aria-hidden="true" />
              <Person name={name} />
              <span className="muted">{when}</span>
              {Date.parse(o.start) <= now ? <span className="badge status status-resolved">{t('cal.now')}</span> : null}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                disabled={remove.isPending}
                aria-label={t('override.removeLabel', { name, when })}
                onClick={() => remove.mutate(o.id)}
                data-testid="override-remove"
              >
                {t('override.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={remove.error} compact />
    </section>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <ul className="cal-legend small" aria-label={t('cal.legend')}>
      <li>
        <span className="swatch swatch-shift" aria-hidden="true" /> {t('cal.legend.shift')}
      </li>
      <li>
        <span className="swatch swatch-override" aria-hidden="true" /> {t('cal.override')}
      </li>
      <li>
        <span className="swatch swatch-now" aria-hidden="true" /> {t('cal.legend.now')}
      </li>
      <li>
        <span className="swatch swatch-gap" aria-hidden="true" /> {t('cal.gap')}
      </li>
      <li className="muted">{t('cal.pickHint')}</li>
    </ul>
  );
}

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d={direction === 'left' ? 'M7.5 2.5L4 6l3.5 3.5' : 'M4.5 2.5L8 6l-3.5 3.5'} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function GlobeIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 14 14" aria-hidden="true">
      <circle cx="7" cy="7" r="5.8" fill="none" stroke="currentColor" strokeWidth="1.2" />
      <path d="M1.2 7h11.6M7 1.2c1.8 1.7 1.8 9.9 0 11.6M7 1.2c-1.8 1.7-1.8 9.9 0 11.6" fill="none" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
}

