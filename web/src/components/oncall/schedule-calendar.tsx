import type { CSSProperties, ReactNode } from 'react';
import type { Gap, Schedule, Shift } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import type { CalendarWindow } from '../../lib/calendar.js';
import type { LayerRow } from '../../lib/layer-rows.js';
import { formatInZone, formatSpanInZone } from '../../lib/time.js';
import { hueOf } from '../badges.js';

/** A span the user may pick, e.g. to cover it with an override. */
export interface PickedSpan {
  userId: string | null;
  start: string;
  end: string;
}

interface Props {
  schedule: Schedule;
  window: CalendarWindow;
  layers: LayerRow[] | null;
  shifts: Shift[];
  gaps: Gap[];
  names: Map<string, string>;
  now: number;
  today: string;
  onPick: (span: PickedSpan) => void;
}

/**
 * The schedule as a timeline: one row per layer (its own turns), the overrides, and the
 * final schedule, where the person on call now is ringed and gaps are hatched red and
 * labelled. Days are the schedule zone's days.
 */
export function ScheduleCalendar({ schedule, window: win, layers, shifts, gaps, names, now, today, onPick }: Props) {
  const { t, lang } = useI18n();
  const zone = schedule.timeZone;
  const span = win.to - win.from;
  const place = (start: number, end: number): CSSProperties => {
    const a = Math.max(start, win.from);
    const b = Math.min(end, win.to);
    return { left: `${((a - win.from) / span) * 100}%`, width: `${((b - a) / span) * 100}%` };
  };
  const compact = win.days.length > 14;
  const overrides = schedule.overrides.filter((o) => Date.parse(o.end) > win.from && Date.parse(o.start) < win.to);
  const nowInside = now >= win.from && now < win.to;
  const nameOf = (id: string) => names.get(id) ?? id;

  const bar = (key: string, userId: string, start: string, end: string, kind: 'shift' | 'override', current = false) => {
    const name = nameOf(userId);
    const when = formatSpanInZone(start, end, lang, zone);
    const label = [name, kind === 'override' ? t('cal.override') : null, current ? t('cal.now') : null, when].filter(Boolean).join(' · ');
    return (
      <li key={key} className="cal-item" style={place(Date.parse(start), Date.parse(end))}>
        <button
          type="button"
          className={`cal-bar${kind === 'override' ? ' is-override' : ''}${current ? ' is-now' : ''}`}
          style={{ ['--hue' as string]: String(hueOf(name)) }}
          title={`${label}\n${t('cal.pickHint')}`}
          aria-label={`${label}. ${t('cal.pickHint')}`}
          aria-current={current || undefined}
          onClick={() => onPick({ userId, start, end })}
          data-testid="cal-bar"
          data-kind={kind}
          data-user={name}
          data-now={current || undefined}
        >
          {kind === 'override' ? <OverrideIcon /> : null}
          {current ? <span className="cal-now-tag">{t('cal.now')}</span> : null}
          <span className="cal-bar-name">{name}</span>
        </button>
      </li>
    );
  };

  return (
    <div className={compact ? 'cal cal-compact' : 'cal'} data-testid="calendar" style={{ ['--days' as string]: String(win.days.length) }}>
      <div className="cal-head">
        <div className="cal-corner" />
        <div className="cal-days" aria-hidden="true">
          {win.days.map((d) => (
            <div
              key={d.date}
              className={`cal-day${d.weekend ? ' weekend' : ''}${d.date === today ? ' today' : ''}`}
              style={place(d.start, d.end)}
            >
              {compact ? (
                <>
                  <span className="cal-day-num">{Number(d.date.slice(8))}</span>
                  <span className="cal-day-wd">{formatInZone(d.start, lang, zone, 'weekdayNarrow')}</span>
                </>
              ) : (
                <span className="cal-day-full">{formatInZone(d.start, lang, zone, 'weekdayDay')}</span>
              )}
            </div>
          ))}
        </div>
      </div>

      <div className="cal-body">
        <div className="cal-lines" aria-hidden="true">
          {win.days.map((d) => (
            <div key={d.date} className={`cal-line${d.weekend ? ' weekend' : ''}${d.date === today ? ' today' : ''}`} style={place(d.start, d.end)} />
          ))}
        </div>

        {layers === null ? (
          <Row label={t('cal.layers')} kind="layer">
            <li className="cal-note muted small">{t('cal.layersUnavailable')}</li>
          </Row>
        ) : (
          layers.map((row, i) => (
            <Row key={row.layer.id} label={row.layer.name || t('cal.layerN', { n: i + 1 })} sub={t('cal.layerN', { n: i + 1 })} kind="layer">
              {row.shifts.map((s) => bar(`${s.userId}-${s.start}`, s.userId, s.start, s.end, 'shift'))}
            </Row>
          ))
        )}

        <Row label={t('cal.overrides')} kind="overrides">
          {overrides.map((o) => bar(o.id, o.userId, o.start, o.end, 'override'))}
        </Row>

        <Row label={t('cal.final')} kind="final">
          {shifts.map((s) =>
            bar(
              `${s.user.id}-${s.start}`,
              s.user.id,
              s.start,
              s.end,
              s.source.overrideId ? 'override' : 'shift',
              Date.parse(s.start) <= now && now < Date.parse(s.end),
            ),
          )}
          {gaps.map((g) => {
            const when = formatSpanInZone(g.start, g.end, lang, zone);
            return (
              <li key={`gap-${g.start}`} className="cal-item" style={place(Date.parse(g.start), Date.parse(g.end))}>
                <button
                  type="button"
                  className="cal-bar cal-gap"
                  title={`${t('cal.gap')} · ${when}\n${t('cal.pickHint')}`}
                  aria-label={`${t('cal.gap')} · ${when}. ${t('cal.pickHint')}`}
                  onClick={() => onPick({ userId: null, start: g.start, end: g.end })}
                  data-testid="cal-gap"
                >
                  <GapIcon />
                  <span className="cal-bar-name">{t('cal.gap')}</span>
                </button>
              </li>
            );
          })}
        </Row>

        {nowInside ? (
          <div className="cal-now-line" style={{ ['--at' as string]: String((now - win.from) / span) }} aria-hidden="true" data-testid="cal-now-line" />
        ) : null}
      </div>
    </div>
  );
}

function Row({ label, sub, kind, children }: { label: string; sub?: string; kind: 'layer' | 'overrides' | 'final'; children: ReactNode }) {
  return (
    <div className={`cal-row cal-row-${kind}`} data-testid="cal-row" data-row={kind}>
      <div className="cal-label">
        <span className="cal-label-main">{label}</span>
        {sub && sub !== label ? <span className="cal-label-sub">{sub}</span> : null}
      </div>
      <ul className="cal-track" aria-label={label}>
        {children}
      </ul>
    </div>
  );
}

function OverrideIcon() {
  return (
    <svg className="cal-icon" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
      <path d="M1 3.5h7M6 1.5l2 2-2 2M9 6.5H2M4 4.5l-2 2 2 2" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function GapIcon() {
  return (
    <svg className="cal-icon" width="11" height="11" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M6 1.5l5 9H1z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      <path d="M6 5v2.4M6 9v.1" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  );
}
