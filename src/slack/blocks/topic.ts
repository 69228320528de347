import type { SlackIncident } from '../../usecases/slack/slack-incident.js';
import { STATUS_LABELS, plainName, truncate } from './text.js';

/** Slack refuses topics over 250 characters (`too_long`). */
export const TOPIC_MAX = 250;

/** `Status: Investigating | Severity: SEV2 | Commander: Aiko Tanaka`: what a glance at the channel header should tell. */
export function channelTopic(incident: SlackIncident): string {
  const commander = truncate(plainName(incident.roles.commander), 80);
  return truncate(`Status: ${STATUS_LABELS[incident.status]} | Severity: ${incident.severity} | Commander: ${commander}`, TOPIC_MAX);
}
