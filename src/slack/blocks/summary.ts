import type { types } from '@slack/bolt';
import { ACTION } from '../action-ids.js';
import type { SlackIncident } from '../../usecases/slack/slack-incident.js';
import type { Block, SlackMessage } from './message.js';
import { factBlocks } from './facts.js';
import { ROLE_LABELS, STATUS_EMOJI, STATUS_LABELS, escapeText, mention, truncate } from './text.js';

const HEADER_MAX = 150;
const SECTION_MAX = 3_000;
const OPTION_TEXT_MAX = 75;

/**
 * The message pinned at the top of an incident channel: what is going on, who is on it, and
 * the buttons that change it. Buttons carry the incident id as `value`; the menus sit in an
 * actions block whose `block_id` is the incident id (src/slack/action-ids.ts). Rendered again
 * (chat.update) after every change, so it always shows the current state.
 */
export function summaryMessage(incident: SlackIncident): SlackMessage {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${incident.reference}: ${incident.title}`, HEADER_MAX), emoji: true } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Status*\n${STATUS_EMOJI[incident.status]} ${STATUS_LABELS[incident.status]}` },
        { type: 'mrkdwn', text: `*Severity*\n${escapeText(incident.severity)}` },
        { type: 'mrkdwn', text: `*${ROLE_LABELS.commander}*\n${mention(incident.roles.commander)}` },
        { type: 'mrkdwn', text: `*${ROLE_LABELS.communications}*\n${mention(incident.roles.communications)}` },
        { type: 'mrkdwn', text: `*${ROLE_LABELS.scribe}*\n${mention(incident.roles.scribe)}` },
        { type: 'mrkdwn', text: `*Declared by*\n${mention(incident.declaredBy, '_Hikeshi_')}` },
      ],
    },
  ];
  if (incident.summary.trim()) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(escapeText(incident.summary), SECTION_MAX) } });
  }
  if (incident.services.length) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(`Services: ${escapeText(incident.services.join(', '))}`, SECTION_MAX) }] });
  }
  blocks.push(...factBlocks(incident));
  const actions = actionElements(incident);
  if (actions.length) blocks.push({ type: 'actions', block_id: incident.id, elements: actions });
  return {
    text: `${incident.reference}: ${incident.title} (${STATUS_LABELS[incident.status]}, ${incident.severity})`,
    blocks,
  };
}

function actionElements(incident: SlackIncident): types.ActionsBlockElement[] {
  const open = incident.status !== 'resolved' && incident.status !== 'closed';
  const elements: types.ActionsBlockElement[] = [];
  if (open && !incident.acknowledged) {
    elements.push({ type: 'button', action_id: ACTION.acknowledge, value: incident.id, style: 'primary', text: { type: 'plain_text', text: 'Acknowledge' } });
  }
  if (incident.allowedTransitions.length) {
    elements.push({
      type: 'static_select',
      action_id: ACTION.setStatus,
      placeholder: { type: 'plain_text', text: 'Change status' },
      options: incident.allowedTransitions.map((status) => option(STATUS_LABELS[status], status)),
    });
  }
  const severities = incident.severities.filter((s) => s !== incident.severity);
  if (incident.status !== 'closed' && severities.length) {
    elements.push({
      type: 'static_select',
      action_id: ACTION.setSeverity,
      placeholder: { type: 'plain_text', text: 'Change severity' },
      options: severities.map((s) => option(s, s)),
    });
  }
  if (incident.status !== 'closed') {
    elements.push({ type: 'button', action_id: ACTION.assignRole, value: incident.id, text: { type: 'plain_text', text: 'Assign role' } });
  }
  if (open && incident.allowedTransitions.includes('resolved')) {
    elements.push({ type: 'button', action_id: ACTION.resolve, value: incident.id, style: 'danger', text: { type: 'plain_text', text: 'Resolve' } });
  }
  return elements;
}

function option(text: string, value: string): types.PlainTextOption {
  return { text: { type: 'plain_text', text: truncate(text, OPTION_TEXT_MAX) }, value };
}
