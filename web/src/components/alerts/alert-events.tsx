import type { AlertTimelineEvent } from '../../api/alerts.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';

const KIND_LABELS: Record<string, MessageKey> = {
  triggered: 'alerts.event.triggered',
  repeated: 'alerts.event.repeated',
  acknowledged: 'alerts.event.acknowledged',
  resolved: 'alerts.event.resolved',
  routed: 'alerts.event.routed',
  paged: 'alerts.event.paged',
  declared: 'alerts.event.declared',
  attached: 'alerts.event.attached',
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** Date and time to the second: repeats come seconds apart. */
function formatEventTime(iso: string, lang: string): string {
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(lang, format);
  }
  return format.format(new Date(iso));
}

/** What an event's detail says, as short `key: value` pairs (nested values are left to the payload view). */
function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');
}

/** The alert's own timeline, oldest first; repeats folded with their count. */
export function AlertEvents({ events }: { events: AlertTimelineEvent[] }) {
  const { t, lang } = useI18n();
  if (!events.length) return <p className="muted">{t('alerts.noEvents')}</p>;
  return (
    <ol className="page-events alert-events" data-testid="alert-events">
      {events.map((event) => {
        const known = KIND_LABELS[event.kind];
        const detail = detailText(event.detail);
        return (
          <li key={event.id} className={`page-event alert-event alert-event-${event.kind}`} data-testid="alert-event" data-kind={event.kind}>
            <time className="event-time" dateTime={event.at}>
              {formatEventTime(event.at, lang)}
            </time>
            <span className="page-event-dot" aria-hidden="true" />
            <div className="page-event-body">
              <strong>{known ? t(known) : event.kind}</strong>
              {event.count > 1 ? <span className="occurrences"> ×{event.count}</span> : null}
              {event.actor ? <span className="muted"> · {event.actor.name}</span> : null}
              {detail ? <div className="muted small alert-event-detail">{detail}</div> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
