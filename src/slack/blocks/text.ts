import type { IncidentStatus } from '../../domain/incidents/status.js';
import type { SlackPerson } from '../../usecases/slack/slack-incident.js';

/** Slack's three control characters in message text; everything else (Japanese included) passes as is. */
export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Cuts to at most `max` characters (code points, so a character is never split), ending with `…`. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** `<@U123>` when the person has a Slack id, else their name; `fallback` when nobody. */
export function mention(person: SlackPerson | null, fallback = '_unassigned_'): string {
  if (!person) return fallback;
  return person.slackUserId ? `<@${person.slackUserId}>` : escapeText(person.name);
}

/** A plain name, for places without mentions (the channel topic, header text). */
export function plainName(person: SlackPerson | null, fallback = 'unassigned'): string {
  return person ? person.name : fallback;
}

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  triage: 'Triage',
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const STATUS_EMOJI: Record<IncidentStatus, string> = {
  triage: ':rotating_light:',
  investigating: ':mag:',
  identified: ':dart:',
  monitoring: ':eyes:',
  resolved: ':white_check_mark:',
  closed: ':lock:',
};

export const ROLE_LABELS = { commander: 'Commander', communications: 'Communications', scribe: 'Scribe' } as const;

export function channelLink(channelId: string | null | undefined): string {
  return channelId ? `<#${channelId}>` : '';
}
