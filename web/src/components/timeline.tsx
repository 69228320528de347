import type { ReactNode } from 'react';
import { pickText } from '../../../src/domain/runbooks/text.js';
import { formatShare } from '../../../src/domain/slo/budget-sentence.js';
import type { LocalizedText, TimelineEvent } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { formatAbsolute, formatTime } from '../lib/time.js';
import { Avatar, SeverityBadge, StatusBadge } from './badges.js';
import { RelativeTime } from './time.js';

export interface NameBook {
  users: Map<string, string>;
  services: Map<string, string>;
  /** Runbook titles by id, for the entries that carry only the id. */
  runbooks: Map<string, LocalizedText>;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const TIMESTAMP_FIELD = /At$/;

type Tone = 'declared' | 'status' | 'severity' | 'role' | 'field' | 'services' | 'note' | 'update' | 'runbook' | 'alert' | 'failed' | 'budget' | 'other';

interface Rendered {
  tone: Tone;
  headline: ReactNode;
  body?: ReactNode;
}

function useRenderEvent(names: NameBook) {
  const i18n = useI18n();
  const { tx, label, lang } = i18n;

  const localized = (value: unknown): string | null =>
    typeof value === 'object' && value !== null ? pickText(value as LocalizedText, lang) || null : str(value);
  const quote = (text: ReactNode) => <p className="event-quote">{text}</p>;

  /** A run's steps as they happened; an answer naming a user (a user question) shows the name. */
  const renderRunbookEvent = (kind: string, p: Record<string, unknown>, actor: ReactNode): Rendered => {
    const step = <code>{str(p.stepId) ?? '?'}</code>;
    const runbookId = str(p.runbookId);
    const known = runbookId ? names.runbooks.get(runbookId) : undefined;
    const runbook = <strong>{localized(p.title) ?? (known ? localized(known) : null) ?? runbookId ?? '?'}</strong>;
    switch (kind) {
      case 'runbook.started':
        return { tone: 'runbook', headline: tx('timeline.runbookStarted', { actor, runbook }) };
      case 'runbook.answered': {
        const answer = str(p.answer) ?? JSON.stringify(p.value ?? null);
        return { tone: 'runbook', headline: tx('timeline.runbookAnswered', { actor, question: <strong>{localized(p.question) ?? str(p.stepId)}</strong> }), body: quote(names.users.get(answer) ?? answer) };
      }
      case 'runbook.field_recorded':
        return { tone: 'field', headline: tx('timeline.runbookFieldRecorded', { actor, field: <code>{str(p.field) ?? '?'}</code>, value: <strong>{Array.isArray(p.value) ? strings(p.value).join(', ') : String(p.value)}</strong> }) };
      case 'runbook.went_back':
        return { tone: 'runbook', headline: tx('timeline.runbookWentBack', { actor, to: <code>{str(p.to) ?? '?'}</code> }) };
      case 'runbook.task_done':
        return { tone: 'runbook', headline: tx('timeline.runbookTaskDone', { actor }), body: quote(localized(p.text) ?? str(p.stepId)) };
      case 'runbook.step_skipped':
        return { tone: 'runbook', headline: tx('timeline.runbookSkipped', { actor, step }) };
      case 'runbook.action_taken':
        return { tone: 'runbook', headline: tx('timeline.runbookAction', { actor, action: <strong>{label('action', str(p.action) ?? '?')}</strong> }) };
      case 'runbook.action_failed':
        return { tone: 'failed', headline: tx('timeline.runbookActionFailed', { action: <strong>{label('action', str(p.action) ?? '?')}</strong>, step }), body: quote(str(p.error)) };
      case 'runbook.follow_up':
        return { tone: 'runbook', headline: tx('timeline.runbookFollowUp', { actor }), body: quote(localized(p.title)) };
      case 'runbook.completed':
        return { tone: 'runbook', headline: tx('timeline.runbookCompleted', { actor, runbook }) };
      default:
        return { tone: 'runbook', headline: tx('timeline.runbookAbandoned', { actor, runbook }), body: str(p.reason) ? quote(str(p.reason)) : undefined };
    }
  };

  /** An alert's life on the incident (src/usecases/alerts): the alert is named by its number and title. */
  const renderAlertEvent = (kind: string, p: Record<string, unknown>): Rendered => {
    const alert = <strong>#{String(p.alertNumber ?? '?')}</strong>;
    const title = str(p.title) ? quote(str(p.title)) : undefined;
    switch (kind) {
      case 'alert.attached':
        return { tone: 'alert', headline: tx('timeline.alertAttached', { alert, action: <code>{str(p.action) ?? '?'}</code> }), body: title };
      case 'alert.declared': {
        const rule = typeof p.rule === 'number' ? tx('timeline.alertDeclaredRoute', { rule: <code>{String(p.rule + 1)}</code> }) : i18n.t('timeline.alertDeclaredByLabel');
        const reasons = Array.isArray(p.severityRules)
          ? p.severityRules.map((r) => (typeof r === 'object' && r !== null ? localized((r as { reason?: unknown }).reason) : null)).filter((r): r is string => Boolean(r))
          : [];
        return {
          tone: 'alert',
          headline: tx('timeline.alertDeclared', { alert, severity: <SeverityBadge severity={str(p.severity) ?? '?'} /> }),
          body: (
            <>
              {title}
              <p className="muted">{rule}</p>
              {reasons.map((reason, index) => (
                <p key={index} className="event-quote">
                  {reason}
                </p>
              ))}
            </>
          ),
        };
      }
      case 'alert.acknowledged':
        return { tone: 'alert', headline: tx('timeline.alertAcknowledged', { alert }), body: title };
      case 'alert.resolved':
        return { tone: 'alert', headline: tx('timeline.alertResolved', { alert, count: <strong>{String(p.occurrences ?? 1)}</strong> }), body: title };
      default:
        return { tone: 'alert', headline: tx('timeline.alertAllResolved', { count: <strong>{String(p.alerts ?? '?')}</strong> }) };
    }
  };

  /** The rule's reason (in the reader's language) and the rules that matched, under a policy's change or proposal. */
  const ruling = (p: Record<string, unknown>) => {
    const reason = p.reason && typeof p.reason === 'object' ? str((p.reason as Record<string, unknown>)[lang]) : undefined;
    const rules = strings(p.ruleIds);
    if (!reason && !rules.length) return undefined;
    return <p className="event-quote">{reason}{rules.length ? <span className="muted"> ({rules.join(', ')})</span> : null}</p>;
  };

  return (event: TimelineEvent): Rendered => {
    const p = event.payload ?? {};
    const actor = <strong className="actor">{event.actor?.name || i18n.t('timeline.someone')}</strong>;
    const person = (id: string | null, name: unknown) => (
      <strong>{str(name) ?? (id ? names.users.get(id) ?? id : i18n.t('incident.unassigned'))}</strong>
    );

    switch (event.kind) {
      case 'incident.declared':
        return { tone: 'declared', headline: tx('timeline.declared', { actor, severity: <SeverityBadge severity={str(p.severity) ?? '?'} /> }), body: str(p.title) ? <p className="event-quote">{str(p.title)}</p> : undefined };
      case 'status.changed':
        return { tone: 'status', headline: tx('timeline.statusChanged', { actor, from: <StatusBadge status={str(p.from) ?? '?'} />, to: <StatusBadge status={str(p.to) ?? '?'} /> }) };
      case 'severity.changed':
        return { tone: 'severity', headline: tx('timeline.severityChanged', { actor, from: <SeverityBadge severity={str(p.from) ?? '?'} />, to: <SeverityBadge severity={str(p.to) ?? '?'} /> }), body: ruling(p) };
      case 'severity.proposed':
        return { tone: 'severity', headline: tx('timeline.severityProposed', { actor, from: <SeverityBadge severity={str(p.from) ?? '?'} />, to: <SeverityBadge severity={str(p.to) ?? '?'} /> }), body: ruling(p) };
      case 'severity.proposal_dismissed':
        return { tone: 'severity', headline: tx('timeline.severityProposalDismissed', { actor, to: <SeverityBadge severity={str(p.to) ?? '?'} /> }) };
      case 'severity.proposal_withdrawn':
        return { tone: 'severity', headline: tx('timeline.severityProposalWithdrawn', { actor, to: <SeverityBadge severity={str(p.to) ?? '?'} /> }) };
      case 'inquiry.recorded':
        return { tone: 'field', headline: tx('timeline.inquiryRecorded', { actor, count: <strong>{String(p.to ?? '?')}</strong> }), body: str(p.ticketId) ? <p className="event-quote">{str(p.ticketId)}</p> : undefined };
      case 'role.assigned': {
        const role = <strong>{label('role', str(p.role) ?? '?')}</strong>;
        const from = str(p.from);
        const to = str(p.to);
        if (!to) return { tone: 'role', headline: tx('timeline.roleUnassigned', { actor, role, from: person(from, p.fromName) }) };
        if (from) return { tone: 'role', headline: tx('timeline.roleReplaced', { actor, role, from: person(from, p.fromName), to: person(to, p.toName) }) };
        return { tone: 'role', headline: tx('timeline.roleAssigned', { actor, role, to: person(to, p.toName) }) };
      }
      case 'field.changed': {
        const fieldName = str(p.field) ?? '?';
        const field = <strong>{TIMESTAMP_FIELD.test(fieldName) ? label('ts', fieldName) : label('field', fieldName)}</strong>;
        if (TIMESTAMP_FIELD.test(fieldName)) {
          const to = str(p.to);
          return to
            ? { tone: 'field', headline: tx('timeline.fieldSet', { actor, field, to: <strong>{formatAbsolute(to, lang)}</strong> }) }
            : { tone: 'field', headline: tx('timeline.fieldCleared', { actor, field }) };
        }
        const to = Array.isArray(p.to) ? strings(p.to).join(', ') : str(p.to) ?? JSON.stringify(p.to ?? null);
        return { tone: 'field', headline: tx('timeline.fieldChanged', { actor, field }), body: to ? <p className="event-quote">{to}</p> : undefined };
      }
      case 'services.changed': {
        const resolve = (ids: string[], given: unknown) => {
          const named = strings(given);
          return named.length === ids.length && named.length ? named : ids.map((id) => names.services.get(id) ?? id);
        };
        const added = resolve(strings(p.added), p.addedNames);
        const removed = resolve(strings(p.removed), p.removedNames);
        return {
          tone: 'services',
          headline: tx('timeline.servicesChanged', { actor }),
          body: (
            <div className="event-services">
              {added.length ? <span>{i18n.t('timeline.servicesAdded', { names: added.join(', ') })}</span> : null}
              {removed.length ? <span>{i18n.t('timeline.servicesRemoved', { names: removed.join(', ') })}</span> : null}
            </div>
          ),
        };
      }
      case 'note':
        return { tone: 'note', headline: tx('timeline.note', { actor }), body: <div className="event-body">{str(p.body)}</div> };
      case 'status_update':
        return {
          tone: 'update',
          headline: (
            <>
              {tx('timeline.statusUpdate', { actor })} {str(p.status) ? <StatusBadge status={str(p.status) ?? ''} /> : null}
            </>
          ),
          body: <div className="event-body event-body-update">{str(p.body)}</div>,
        };
      case 'slo.budget_burnt': {
        const share = formatShare(Number(p.share));
        const amounts = { bad: Number(p.bad).toLocaleString(lang, { maximumFractionDigits: 1 }), budget: Number(p.budget).toLocaleString(lang, { maximumFractionDigits: 1 }) };
        return {
          tone: 'budget',
          headline: tx('timeline.budgetBurnt', { slo: <strong>{str(p.sloName) ?? '?'}</strong>, share: <strong>{share}</strong> }),
          body: <p className="event-quote">{i18n.t(p.unit === 'minutes' ? 'sloBudget.minutes' : 'sloBudget.events', amounts)}</p>,
        };
      }
      case 'postmortem.required':
        return { tone: 'failed', headline: tx('timeline.postmortemRequired', { slo: <strong>{str(p.sloName) ?? '?'}</strong>, share: <strong>{formatShare(Number(p.share))}</strong> }) };
      case 'alert.attached':
      case 'alert.declared':
      case 'alert.acknowledged':
      case 'alert.resolved':
      case 'alert.all_resolved':
        return renderAlertEvent(event.kind, p);
      case 'runbook.started':
      case 'runbook.answered':
      case 'runbook.field_recorded':
      case 'runbook.went_back':
      case 'runbook.task_done':
      case 'runbook.step_skipped':
      case 'runbook.action_taken':
      case 'runbook.action_failed':
      case 'runbook.follow_up':
      case 'runbook.completed':
      case 'runbook.abandoned':
        return renderRunbookEvent(event.kind, p, actor);
      default:
        return {
          tone: 'other',
          headline: tx('timeline.other', { actor, kind: <code>{event.kind}</code> }),
          body: Object.keys(p).length ? <GenericPayload payload={p} /> : undefined,
        };
    }
  };
}

function GenericPayload({ payload }: { payload: Record<string, unknown> }) {
  return (
    <dl className="event-payload">
      {Object.entries(payload).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

const ICONS: Record<Tone, ReactNode> = {
  declared: <path d="M8 2.5c.6 2.2 3.3 3.6 3.3 6.6a3.3 3.3 0 0 1-6.6 0c0-1.7.9-2.6 1.7-3.3.2 1.1.7 1.7 1.3 1.9C7.3 6.4 7.5 4.2 8 2.5z" fill="currentColor" />,
  status: <circle cx="8" cy="8" r="3" fill="currentColor" />,
  severity: <path d="M4 11h2V8H4zM7 11h2V6H7zM10 11h2V4h-2z" fill="currentColor" />,
  role: <path d="M8 8a2.2 2.2 0 1 0 0-4.4A2.2 2.2 0 0 0 8 8zm-4 4.5c0-2 1.8-3.3 4-3.3s4 1.3 4 3.3z" fill="currentColor" />,
  field: <path d="M4 11.5l.5-2 5.5-5.5 1.5 1.5-5.5 5.5zM10.8 3.2l1.5 1.5" stroke="currentColor" strokeWidth="1.2" fill="none" />,
  services: <path d="M3.5 5h9M3.5 8h9M3.5 11h9" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />,
  note: <path d="M4 4h8v6.5L9.5 13H4z" stroke="currentColor" strokeWidth="1.3" fill="none" strokeLinejoin="round" />,
  update: <path d="M3.5 7v2l6 3V4zM9.5 5.5h2a1.5 1.5 0 0 1 0 5h-2" stroke="currentColor" strokeWidth="1.3" fill="none" strokeLinejoin="round" />,
  runbook: <path d="M4.5 3.5h6.5v9H4.5zM6.5 6h3M6.5 8.5h3" stroke="currentColor" strokeWidth="1.3" fill="none" strokeLinecap="round" />,
  alert: <path d="M8 3l5 9H3zM8 6.5v2.5M8 10.6v.2" stroke="currentColor" strokeWidth="1.3" fill="none" strokeLinejoin="round" strokeLinecap="round" />,
  failed: <path d="M8 4v4.5M8 11v.2" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />,
  budget: <path d="M3.5 12.5h9M5 12V9M8 12V6M11 12V4" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />,
  other: <circle cx="8" cy="8" r="2" fill="currentColor" />,
};

export function Timeline({ events, names }: { events: TimelineEvent[]; names: NameBook }) {
  const { t, lang } = useI18n();
  const render = useRenderEvent(names);
  if (!events.length) return <p className="muted timeline-empty">{t('timeline.empty')}</p>;

  let lastDay = '';
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((event) => {
        const { tone, headline, body } = render(event);
        const day = new Date(event.occurredAt).toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' });
        const dayHeader = day !== lastDay ? day : null;
        lastDay = day;
        return (
          <li key={event.id} className={`event event-${tone}`} data-testid="timeline-event" data-kind={event.kind}>
            {dayHeader ? <div className="event-day">{dayHeader}</div> : null}
            <div className="event-row">
              <time className="event-time" dateTime={event.occurredAt} title={formatAbsolute(event.occurredAt, lang, true)}>
                {formatTime(event.occurredAt, lang)}
              </time>
              <span className="event-icon" aria-hidden="true">
                {tone === 'note' || tone === 'update' ? (
                  <Avatar name={event.actor?.name || '?'} size={22} />
                ) : (
                  <svg width="16" height="16" viewBox="0 0 16 16">
                    {ICONS[tone]}
                  </svg>
                )}
              </span>
              <div className="event-main">
                <div className="event-headline">
                  <span>{headline}</span>
                  <RelativeTime iso={event.occurredAt} className="event-ago" />
                </div>
                {body}
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
