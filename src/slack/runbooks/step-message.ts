import type { types } from '@slack/bolt';
import { pickText } from '../../domain/runbooks/text.js';
import type { ActionStep, AskStep, FieldValue, LocalizedText, RunbookStep } from '../../domain/runbooks/types.js';
import type { RunMessage } from '../../usecases/runbooks/run-message.js';
import { RUNBOOK_ACTION } from '../action-ids.js';
import type { Block, SlackMessage } from '../blocks/message.js';
import { escapeText, truncate } from '../blocks/text.js';

/** Button values and input block ids carry the run and the step the person saw. */
export function stepRef(runId: string, stepId: string): string {
  return `${runId}|${stepId}`;
}

export function parseStepRef(value: string | undefined): { runId: string; stepId: string } | undefined {
  const [runId, stepId, ...rest] = (value ?? '').split('|');
  return runId && stepId && rest.length <= 1 ? { runId, stepId } : undefined;
}

/** The input block of a question: its id names the run, the step and the revision (a new revision starts an empty input). */
export function inputBlockId(runId: string, stepId: string, revision: number): string {
  return `${stepRef(runId, stepId)}|${revision}`;
}

type Option = types.PlainTextOption;

/**
 * A run's message in the incident channel: the current step with what answers it, or, once
 * the run is over, what was answered and by whom. Text is shown in English with the
 * Japanese beneath when a runbook gives both.
 */
export function runStepMessage({ run, incident }: RunMessage): SlackMessage {
  const title = pickText(run.runbook.title, 'en');
  const header: Block = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `:clipboard: *Runbook: ${escapeText(title)}* · ${incident.reference} · ${run.progress.answered} of ${run.progress.total} steps` }],
  };
  const step = run.currentStep;
  if (run.status !== 'running' || !step) {
    return { text: `Runbook ${title} ${run.status} on ${incident.reference}`, blocks: [header, ...summaryBlocks(run)] };
  }
  const ref = stepRef(run.id, step.id);
  const controls: types.Button[] = [];
  if (run.moves.includes('skip')) controls.push(button('Skip', RUNBOOK_ACTION.skip, ref));
  if (run.moves.includes('back')) controls.push(button('Back', RUNBOOK_ACTION.back, ref));
  return { text: `${title}: ${plain(stepText(step))}`, blocks: [header, ...stepBlocks(run.id, run.revision, step, run.suggestion, controls)] };
}

function stepBlocks(runId: string, revision: number, step: Exclude<RunbookStep, { type: 'branch' }>, suggestion: FieldValue | null, controls: types.Button[]): Block[] {
  const ref = stepRef(runId, step.id);
  const actions = (...buttons: Array<types.Button | types.StaticSelect | types.UsersSelect>): Block => ({ type: 'actions', block_id: `runbook_controls|${ref}`, elements: [...buttons, ...controls] });
  switch (step.type) {
    case 'ask':
      return [section(`*${localized(step.question)}*`), ...(step.help ? [context(localized(step.help))] : []), ...askBlocks(runId, revision, step, suggestion, actions)];
    case 'task':
      return [section(`:ballot_box_with_check: ${localized(step.text)}${step.assignee ? `\n_For the ${step.assignee}_` : ''}`), actions(button('Done', RUNBOOK_ACTION.complete, ref, 'primary'))];
    case 'info': {
      const links = step.links.map((link) => `• <${link.url}|${escapeText(link.title ? pickText(link.title, 'en') : link.url)}>`);
      return [section([localized(step.text), ...links].join('\n')), actions(button('Continue', RUNBOOK_ACTION.proceed, ref, 'primary'))];
    }
    case 'action':
      return [section(`:zap: ${describeAction(step)}`), actions(button('Run', RUNBOOK_ACTION.proceed, ref, 'primary'))];
  }
}

function askBlocks(
  runId: string,
  revision: number,
  step: AskStep,
  suggestion: FieldValue | null,
  actions: (...elements: Array<types.Button | types.StaticSelect | types.UsersSelect>) => Block,
): Block[] {
  const ref = stepRef(runId, step.id);
  const options = (step.options ?? []).map((o): Option => ({ text: { type: 'plain_text', text: truncate(pickText(o.label, 'en') || o.value, 75) }, value: o.value }));
  const optionOf = (value: unknown) => options.find((o) => o.value === value);
  switch (step.answer) {
    case 'yes-no':
      return [actions(button('Yes', RUNBOOK_ACTION.answerYes, ref, 'primary'), button('No', RUNBOOK_ACTION.answerNo, ref))];
    case 'choice': {
      const initial = optionOf(suggestion);
      const select: types.StaticSelect = { type: 'static_select', action_id: RUNBOOK_ACTION.answerSelect, placeholder: plainText('Choose'), options, ...(initial ? { initial_option: initial } : {}) };
      return [{ ...actions(select), block_id: `runbook_answer|${ref}` }];
    }
    case 'user': {
      const select: types.UsersSelect = { type: 'users_select', action_id: RUNBOOK_ACTION.answerUser, placeholder: plainText('Pick a person') };
      return [{ ...actions(select), block_id: `runbook_answer|${ref}` }];
    }
    default: {
      const input: types.InputBlock = {
        type: 'input',
        block_id: inputBlockId(runId, step.id, revision),
        optional: true,
        label: plainText(step.answer === 'time' ? 'Time (yours)' : 'Answer'),
        element: inputElement(step, suggestion, options),
      };
      return [input, actions(button('Answer', RUNBOOK_ACTION.answerInput, ref, 'primary'))];
    }
  }
}

function inputElement(step: AskStep, suggestion: FieldValue | null, options: Option[]): types.InputBlock['element'] {
  const action_id = RUNBOOK_ACTION.input;
  if (step.answer === 'multi-choice') {
    const initial = Array.isArray(suggestion) ? options.filter((o) => suggestion.includes(o.value ?? '')) : [];
    return { type: 'multi_static_select', action_id, placeholder: plainText('Choose'), options, ...(initial.length ? { initial_options: initial } : {}) };
  }
  if (step.answer === 'time') {
    const at = typeof suggestion === 'string' ? Math.floor(Date.parse(suggestion) / 1000) : undefined;
    return { type: 'datetimepicker', action_id, ...(at ? { initial_date_time: at } : {}) };
  }
  const hint = step.answer === 'number' ? 'A number, e.g. 1,200' : 'Type the answer';
  return { type: 'plain_text_input', action_id, placeholder: plainText(hint), ...(suggestion !== null ? { initial_value: String(suggestion) } : {}) };
}

function summaryBlocks(run: RunMessage['run']): Block[] {
  const verb = run.status === 'completed' ? ':white_check_mark: Runbook completed' : ':no_entry_sign: Runbook abandoned';
  const lines = run.answers.map((a) => `• ${escapeText(pickText(a.question, 'en'))} *${escapeText(a.display)}* — ${escapeText(a.by.name)}`);
  const counts = [`${run.done.length} done`, `${run.skipped.length} skipped`].join(', ');
  return [section(`*${verb}*\n${lines.join('\n') || '_No questions answered._'}`), context(counts)];
}

function describeAction(step: ActionStep): string {
  const action = step.action;
  switch (action.kind) {
    case 'set-severity':
      return `Set the severity to *${action.severity}*`;
    case 'set-status':
      return `Set the status to *${action.status}*`;
    case 'set-field':
      return `Set *${action.field}* to *${escapeText(String(action.value))}*`;
    case 'invite':
      return 'team' in action.target ? `Invite team *${escapeText(action.target.team)}* to the channel` : `Invite *${escapeText(action.target.user)}* to the channel`;
    case 'page':
      return 'escalationPolicy' in action.target ? `Page escalation policy *${escapeText(action.target.escalationPolicy)}*` : `Page the on-call of schedule *${escapeText(action.target.schedule)}*`;
    case 'post-update':
      return `Post a status update: ${localized(action.message)}`;
    case 'create-follow-up':
      return `Create a follow-up: ${localized(action.title)}`;
  }
}

function stepText(step: Exclude<RunbookStep, { type: 'branch' }>): LocalizedText {
  if (step.type === 'ask') return step.question;
  if (step.type === 'action') return { en: describeAction(step) };
  return step.text;
}

/** English, then the Japanese beneath in italics when both are given and differ. */
function localized(text: LocalizedText): string {
  const en = text.en ?? text.ja ?? '';
  return escapeText(text.en && text.ja && text.ja !== text.en ? `${en}\n_${text.ja.trim()}_` : en);
}

function plain(text: LocalizedText): string {
  return truncate(pickText(text, 'en').replaceAll('*', ''), 150);
}

function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger'): types.Button {
  return { type: 'button', action_id: actionId, text: plainText(label), value, ...(style ? { style } : {}) };
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }] };
}

function plainText(text: string): types.PlainTextElement {
  return { type: 'plain_text', text };
}
