import type { SlackIncident } from '../../usecases/slack/slack-incident.js';
import { ACTION } from '../action-ids.js';
import type { Block, SlackMessage } from './message.js';
import { STATUS_EMOJI, STATUS_LABELS, channelLink, escapeText, mention, truncate } from './text.js';

const TITLE_MAX = 200;
export const INQUIRY_BUTTON_TEXT = 'Another customer reported this / 別のお客様からも問い合わせ';

/**
 * The broadcast channel's line about an incident: posted on declaration and updated in place
 * as the incident moves, so the announcement always shows where it stands.
 */
export function announcementMessage(incident: SlackIncident, channelId: string | null): SlackMessage {
  const title = escapeText(truncate(incident.title, TITLE_MAX));
  const verb = incident.status === 'resolved' || incident.status === 'closed' ? STATUS_LABELS[incident.status].toLowerCase() : 'declared';
  const join = channelId ? ` Join ${channelLink(channelId)}` : '';
  const line = `${STATUS_EMOJI[incident.status]} *${incident.reference} ${verb}*: ${title}`;
  const inquiries = incident.inquiries ? ` · Inquiries: ${incident.inquiries.count}` : '';
  const facts = `${STATUS_LABELS[incident.status]} · ${escapeText(incident.severity)} · Commander: ${mention(incident.roles.commander)}${inquiries}`;
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${line}\n${facts}.${join}` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Declared by ${mention(incident.declaredBy, 'Hikeshi')}` }] },
  ];
  // Customer support counts inquiries here without knowing the tool: one click, one more inquiry.
  if (incident.inquiries && incident.status !== 'closed') {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTION.recordInquiry, value: incident.id, text: { type: 'plain_text', text: INQUIRY_BUTTON_TEXT } }],
    });
  }
  return {
    text: `${incident.reference} ${verb}: ${incident.title} (${incident.severity}, ${STATUS_LABELS[incident.status]})`,
    blocks,
  };
}
