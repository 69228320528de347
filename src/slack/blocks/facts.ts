import type { TimelineEvent } from '../../store/repositories/timeline.js';
import type { SlackIncident } from '../../usecases/slack/slack-incident.js';
import type { Block } from './message.js';
import { escapeText, truncate } from './text.js';

/** Slack shows at most 10 fields in one section. */
const FIELDS_PER_SECTION = 10;
const FIELD_TEXT_MAX = 2_000;

/**
 * The incident's facts (settings `fields`) in the summary message: each with its English and
 * Japanese label, "—" for one not known yet, and how to set one.
 */
export function factBlocks(incident: SlackIncident): Block[] {
  if (!incident.facts.length) return [];
  const fields = incident.facts.map((fact) => {
    const label = [fact.label.en, fact.label.ja].filter(Boolean).map((l) => escapeText(l!)).join(' · ');
    // A person's value is a mention Hikeshi built (`<@U…>`); every other value is people's text.
    const value = fact.value.startsWith('<@') ? fact.value : escapeText(fact.value);
    return { type: 'mrkdwn' as const, text: truncate(`*${label}*\n${value}`, FIELD_TEXT_MAX) };
  });
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: '*Facts* · 事実' } }];
  for (let start = 0; start < fields.length; start += FIELDS_PER_SECTION) {
    blocks.push({ type: 'section', fields: fields.slice(start, start + FIELDS_PER_SECTION) });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Record a fact with the slash command’s `set <field> <value>`, e.g. `set affected_users 1,200` or `set personal_data_exposed yes`' }] });
  return blocks;
}

/**
 * A fact's change or a counted inquiry, echoed into the incident channel; undefined for any
 * other entry. Values as typed: numbers grouped, yes/no, "—" for cleared.
 */
export function factChangeLines(event: TimelineEvent, incident: SlackIncident): string[] | undefined {
  const p = event.payload;
  const by = `_(${escapeText(event.actor.name)})_`;
  if (event.kind === 'inquiry.recorded') {
    const ticket = typeof p.ticketId === 'string' ? ` ticket ${escapeText(p.ticketId)}` : '';
    const source = typeof p.source === 'string' ? ` via ${escapeText(p.source)}` : '';
    return [`:telephone_receiver: *Customer inquiry*${ticket}${source}: ${Number(p.to).toLocaleString('en-US')} in total ${by}`];
  }
  if (event.kind !== 'field.changed') return undefined;
  const fact = incident.facts.find((f) => f.key === p.field);
  if (!fact) return undefined;
  const label = escapeText(fact.label.en ?? fact.label.ja ?? fact.key);
  return [`:bar_chart: *${label}*: ${shown(p.from)} → ${shown(p.to)} ${by}`];
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return escapeText(String(value));
}
