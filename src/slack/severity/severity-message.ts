import type { TimelineEvent } from '../../store/repositories/timeline.js';
import { SEVERITY_ACTION } from '../action-ids.js';
import type { Block, SlackMessage } from '../blocks/message.js';
import { escapeText } from '../blocks/text.js';

const WHY: Record<string, string> = {
  milder: 'The facts now call for a milder severity. Confirm to lower it. / 事実が変わり、より軽い重大度が妥当になりました。確認すると引き下げます。',
  person_set: 'A person set the current severity, so the policy only proposes. / 現在の重大度は人が設定したため、ポリシーは提案のみ行います。',
  worse_needs_confirmation: 'The settings ask a person to confirm a worse severity. / 設定により、重大度の引き上げは確認が必要です。',
};

/**
 * The channel message for a severity the policy applied (`severity.changed`) or proposed
 * (`severity.proposed`, with Confirm and Dismiss buttons): it quotes the rules and their reason
 * in both languages. Null for any other event.
 */
export function severityMessage(incident: { id: string; reference: string }, event: TimelineEvent): SlackMessage | null {
  const p = event.payload;
  const ruleIds = Array.isArray(p.ruleIds) ? p.ruleIds.map(String) : [];
  const reason = (p.reason ?? {}) as { en?: string; ja?: string };
  const quoted = [reason.en, reason.ja].filter((text): text is string => !!text).map((text) => `> ${escapeText(text)}`).join('\n');
  const rules = `${ruleIds.length === 1 ? 'Rule' : 'Rules'} ${ruleIds.map((id) => `\`${escapeText(id)}\``).join(', ')} · policy v${String(p.policyVersion)}`;
  const change = `${escapeText(String(p.from))} → ${escapeText(String(p.to))}`;
  if (event.kind === 'severity.changed') {
    const text = `:rotating_light: *${incident.reference} severity raised by the policy*: ${change}\n${quoted}\n${rules}`;
    return { text };
  }
  if (event.kind !== 'severity.proposed') return null;
  const why = WHY[String(p.why)] ?? '';
  const text = `:scales: *${incident.reference} severity proposal*: ${change}\n${quoted}\n${rules}\n${why}`;
  const value = `${incident.id}|${String(p.proposalId)}`;
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: SEVERITY_ACTION.confirm, value, style: 'primary', text: { type: 'plain_text', text: `Confirm ${String(p.to)} / 確定` } },
        { type: 'button', action_id: SEVERITY_ACTION.dismiss, value, text: { type: 'plain_text', text: 'Dismiss / 却下' } },
      ],
    },
  ];
  return { text, blocks };
}

/** Replaces a proposal's message once someone answered it: the buttons go, who did what stays. */
export function answeredProposalMessage(original: string, outcome: 'confirmed' | 'dismissed', by: string): SlackMessage {
  const line = outcome === 'confirmed' ? `:white_check_mark: Confirmed by ${by} / ${by} が確定しました` : `:x: Dismissed by ${by} / ${by} が却下しました`;
  return { text: `${original}\n${line}` };
}
