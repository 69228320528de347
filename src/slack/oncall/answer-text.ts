import type { OnCallEntry } from '../../usecases/oncall/who-is-on-call.js';
import type { PersonRef } from '../../usecases/oncall/people.js';
import type { OncallLookup, OncallScope } from '../../usecases/slack-inbound/oncall-mention.js';
import { escapeText, truncate } from '../blocks/text.js';

/** Schedules listed in one answer; past this the answer says how many more there are. */
export const MAX_LISTED = 40;
const QUOTE_MAX = 1_000;

export interface AnswerContext {
  /** The Slack user who asked: quoted, so the people on call know whom to answer. */
  askerSlackUserId: string;
  /** How to ask again, for the hint: `@hikeshi oncall` or `/oncall`. */
  askWith: string;
}

/**
 * The answer, in Slack mrkdwn: who asked and what, then each schedule's person on call now,
 * mentioned (`<@U…>`, guests like everyone else) so Slack notifies them. Nobody else is
 * mentioned: the question is quoted as plain text, people in a gap or the next handoff are
 * named without a mention.
 */
export function oncallAnswerText(lookup: OncallLookup, context: AnswerContext): string {
  if (lookup.kind === 'unknown') return unknownNameText(lookup.name, lookup.schedules, context.askWith);
  const lines = [`:pager: <@${context.askerSlackUserId}> asked for the on-call${scopeLabel(lookup.scope)}:`];
  if (lookup.question) lines.push(quote(lookup.question));
  if (!lookup.items.length) lines.push(noScheduleText(lookup.scope));
  for (const item of lookup.items.slice(0, MAX_LISTED)) lines.push(`${lookup.items.length > 1 ? '• ' : ''}${entryText(item)}`);
  const more = lookup.items.length - MAX_LISTED;
  if (more > 0) lines.push(`…and ${more} more schedule${more === 1 ? '' : 's'}: ask for one by name (\`${context.askWith} <schedule>\`).`);
  return lines.join('\n');
}

function scopeLabel(scope: OncallScope): string {
  switch (scope.kind) {
    case 'default':
      return '';
    case 'schedule':
      return ` (*${escapeText(scope.name)}*)`;
    case 'team':
      return ` (team *${escapeText(scope.name)}*)`;
    case 'service':
      return ` (service *${escapeText(scope.name)}*)`;
  }
}

function noScheduleText(scope: OncallScope): string {
  switch (scope.kind) {
    case 'default':
    case 'schedule':
      return 'Hikeshi has no on-call schedules yet, so nobody was notified.';
    case 'team':
      return `The *${escapeText(scope.name)}* team has no on-call schedule, so nobody was notified.`;
    case 'service':
      return `No on-call schedule covers the *${escapeText(scope.name)}* service (its team has none), so nobody was notified.`;
  }
}

function entryText(item: OnCallEntry): string {
  const schedule = `*${escapeText(item.schedule.name)}*`;
  if (item.problem !== undefined) return `${schedule}: cannot be read right now (${escapeText(item.problem)}).`;
  if (!item.user) {
    const next = item.nextHandoff?.to;
    const after = next && item.until ? `; ${escapeText(next.name)} takes over ${slackDate(item.until)}` : '';
    return `${schedule}: nobody is on call right now${after}.`;
  }
  return `${schedule}: ${person(item.user)}${item.until ? ` until ${slackDate(item.until)}` : ''}`;
}

/** A mention when Hikeshi knows the person's Slack account; else their name and why they were not notified. */
function person(ref: PersonRef): string {
  if (ref.slackUserId) return `<@${ref.slackUserId}>`;
  return `${escapeText(ref.name)} _(no Slack account linked in Hikeshi, so not notified here)_`;
}

/** Shown in each reader's own time zone; the ISO instant where Slack cannot format it. */
function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${iso}>`;
}

function quote(text: string): string {
  return escapeText(truncate(text, QUOTE_MAX))
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function unknownNameText(name: string, schedules: readonly string[], askWith: string): string {
  const head = `:grey_question: \`${escapeText(name)}\` is not an on-call schedule, team or service in Hikeshi.`;
  if (!schedules.length) return `${head} Hikeshi has no on-call schedules yet.`;
  const listed = schedules.slice(0, MAX_LISTED).map((s) => `*${escapeText(s)}*`).join(', ');
  const more = schedules.length > MAX_LISTED ? ` and ${schedules.length - MAX_LISTED} more` : '';
  return `${head} Schedules: ${listed}${more}.\nAsk \`${askWith} <schedule, team or service> [question]\`, or \`${askWith}\` alone for everyone on call.`;
}
