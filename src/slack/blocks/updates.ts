import type { IncidentStatus } from '../../domain/incidents/status.js';
import type { SloBudgetBurntPayload } from '../../domain/incidents/timeline.js';
import { budgetSentence, formatShare, formatThreshold } from '../../domain/slo/budget-sentence.js';
import type { TimelineEvent } from '../../store/repositories/timeline.js';
import type { SlackUpdate } from '../../usecases/slack/read-update-events.js';
import type { SlackPerson } from '../../usecases/slack/slack-incident.js';
import { factChangeLines } from './facts.js';
import type { SlackMessage } from './message.js';
import { ROLE_LABELS, STATUS_EMOJI, STATUS_LABELS, channelLink, escapeText, mention, truncate } from './text.js';

const TITLE_MAX = 200;

/** Changes made in Hikeshi (web, API, CLI, Slack), echoed into the incident channel; null when none shows. */
export function channelUpdateMessage(update: SlackUpdate): SlackMessage | null {
  const lines = update.events.flatMap((event) => factChangeLines(event, update.incident) ?? channelLine(event, update.people, update.incident.reference));
  return lines.length ? { text: lines.join('\n') } : null;
}

/** Status updates and the resolution, for the broadcast channel; null when none of the events is one. */
export function broadcastUpdateMessage(update: SlackUpdate): SlackMessage | null {
  const { incident } = update;
  const title = escapeText(truncate(incident.title, TITLE_MAX));
  const where = update.channel ? ` · ${channelLink(update.channel.channelId)}` : '';
  const lines = update.events.flatMap((event) => {
    if (event.kind === 'status_update') {
      const status = STATUS_LABELS[event.payload.status as IncidentStatus] ?? String(event.payload.status);
      return [`:mega: *${incident.reference} status update* (${status}, ${escapeText(incident.severity)}): ${title}${where}\n${quote(String(event.payload.body))}`];
    }
    if (event.kind === 'status.changed' && event.payload.to === 'resolved') {
      return [`${STATUS_EMOJI.resolved} *${incident.reference} resolved*: ${title}${where}`];
    }
    return [];
  });
  return lines.length ? { text: lines.join('\n\n') } : null;
}

function channelLine(event: TimelineEvent, people: Record<string, SlackPerson>, reference: string): string[] {
  const by = `_(${escapeText(event.actor.name)})_`;
  const p = event.payload;
  switch (event.kind) {
    case 'status.changed': {
      const to = p.to as IncidentStatus;
      return [`${STATUS_EMOJI[to] ?? ''} *Status*: ${label(p.from)} → ${label(p.to)} ${by}`];
    }
    case 'severity.changed':
      return [`:warning: *Severity*: ${escapeText(String(p.from))} → ${escapeText(String(p.to))} ${by}`];
    case 'role.assigned': {
      const role = ROLE_LABELS[p.role as keyof typeof ROLE_LABELS] ?? String(p.role);
      const person = (id: unknown) => (typeof id === 'string' ? mention(people[id] ?? { userId: id, name: id, slackUserId: null }) : 'nobody');
      return [`:bust_in_silhouette: *${role}*: ${person(p.to)} (was ${person(p.from)}) ${by}`];
    }
    case 'field.changed':
      if (p.field === 'title') return [`:pencil2: *Title*: ${escapeText(String(p.to))} ${by}`];
      if (p.field === 'summary') return [`:pencil2: *Summary* updated ${by}\n${quote(String(p.to))}`];
      return [];
    case 'note':
      return [`:memo: *Note* ${by}\n${quote(String(p.body))}`];
    case 'status_update':
      return [`:mega: *Status update* (${label(p.status)}) ${by}\n${quote(String(p.body))}`];
    case 'slo.budget_burnt':
      return [budgetLine(reference, p as unknown as SloBudgetBurntPayload)];
    case 'postmortem.required':
      return [`:rotating_light: *Postmortem required*: ${reference} took ${formatShare(Number(p.share))} of ${escapeText(String(p.sloName))}'s error budget (the policy asks for one at ${formatThreshold(Number(p.threshold))} or more)`];
    case 'alert.attached':
      return [`:rotating_light: *Alert #${Number(p.alertNumber)}* (${escapeText(String(p.alertSeverity))}) joined this incident: ${escapeText(truncate(String(p.title), TITLE_MAX))}`];
    case 'alert.all_resolved':
      return [`:white_check_mark: *All ${Number(p.alerts)} alerts* on ${reference} are resolved. The incident stays open until someone resolves it.`];
    default:
      return [];
  }
}

/** The figures the incident burnt on one SLO, with what makes them less than measured. */
function budgetLine(reference: string, burnt: SloBudgetBurntPayload): string {
  const notes = [burnt.estimated ? 'estimated from incidents' : null, burnt.fallback ? 'declared → resolved used for the impact span' : null].filter(Boolean);
  return `:chart_with_downwards_trend: *Error budget*: ${escapeText(budgetSentence({ ...burnt, reference }, 'en'))}${notes.length ? ` _(${notes.join('; ')})_` : ''}`;
}

function label(status: unknown): string {
  return STATUS_LABELS[status as IncidentStatus] ?? escapeText(String(status));
}

/** Slack block quote: every line of the body starts with `>`. */
export function quote(body: string): string {
  return escapeText(body)
    .split('\n')
    .map((line) => `>${line ? ` ${line}` : ''}`)
    .join('\n');
}
