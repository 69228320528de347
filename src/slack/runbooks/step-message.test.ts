import { describe, expect, it } from 'vitest';
import type { AskStep, RunbookStep } from '../../domain/runbooks/types.js';
import type { RunMessage } from '../../usecases/runbooks/run-message.js';
import type { RunView, WaitingStep } from '../../usecases/runbooks/run-view.js';
import { parseStepRef, runStepMessage } from './step-message.js';

const ask = (answer: AskStep['answer'], extra: Partial<AskStep> = {}): AskStep => ({
  id: 'q',
  type: 'ask',
  question: { en: 'How many?', ja: '何件？' },
  answer,
  validation: { required: false },
  ...(answer === 'choice' || answer === 'multi-choice' ? { options: [{ value: 'db', label: { en: 'Database' } }, { value: 'net', label: { en: 'Network' } }] } : {}),
  ...extra,
});

function message(step: WaitingStep | null, run: Partial<RunView> = {}): RunMessage {
  return {
    run: {
      id: 'run1',
      incidentId: 'inc1',
      runbook: { id: 'rb', title: { en: 'First response' } },
      status: step ? 'running' : 'completed',
      version: 'v',
      revision: 3,
      currentStep: step,
      suggestion: null,
      moves: step ? ['answer', 'skip', 'back', 'abandon'] : [],
      answers: [],
      done: [],
      skipped: [],
      progress: { answered: 2, total: 5 },
      startedAt: '2026-12-01T00:00:00.000Z',
      finishedAt: null,
      slack: null,
      ...run,
    },
    incident: { id: 'inc1', reference: 'INC-7', title: 'Checkout down' },
    channelId: 'C1',
    ts: null,
  };
}

/** The interactive elements of a rendered message, as `type:action_id`. */
function controls(step: RunbookStep | null, run: Partial<RunView> = {}): string[] {
  const blocks = runStepMessage(message(step as WaitingStep | null, run)).blocks as Array<{ type: string; element?: { type: string; action_id: string }; elements?: Array<{ type: string; action_id?: string }> }>;
  return blocks.flatMap((b) => (b.type === 'input' ? [`input:${b.element!.type}`] : b.type === 'actions' ? b.elements!.map((e) => `${e.type}:${e.action_id}`) : []));
}

describe('a runbook step as a Slack message', () => {
  it.each<[string, RunbookStep, string[]]>([
    ['text: a text box and an Answer button', ask('text'), ['input:plain_text_input', 'button:runbook_answer_input']],
    ['number: a text box (1,234 and full-width digits are accepted)', ask('number'), ['input:plain_text_input', 'button:runbook_answer_input']],
    ['choice: a menu that answers on pick', ask('choice'), ['static_select:runbook_answer_select']],
    ['multi-choice: a multi-select and an Answer button', ask('multi-choice'), ['input:multi_static_select', 'button:runbook_answer_input']],
    ['yes-no: two buttons', ask('yes-no'), ['button:runbook_answer_yes', 'button:runbook_answer_no']],
    ['user: a people picker', ask('user'), ['users_select:runbook_answer_user']],
    ['time: a date-and-time picker', ask('time'), ['input:datetimepicker', 'button:runbook_answer_input']],
    ['task: Done', { id: 't', type: 'task', text: { en: 'Post an update' }, required: false }, ['button:runbook_complete']],
    ['info: Continue', { id: 'i', type: 'info', text: { en: 'Pin messages' }, links: [] }, ['button:runbook_proceed']],
    ['confirmed action: Run', { id: 'a', type: 'action', action: { kind: 'set-severity', severity: 'SEV1' }, confirm: true, required: false }, ['button:runbook_proceed']],
  ])('%s, then Skip and Back', (_name, step, expected) => {
    expect(controls(step)).toEqual([...expected, 'button:runbook_skip', 'button:runbook_back']);
  });

  it('offers neither Skip nor Back when the step is required and the first one', () => {
    expect(controls(ask('yes-no'), { moves: ['answer', 'abandon'] })).toEqual(['button:runbook_answer_yes', 'button:runbook_answer_no']);
  });

  it('gives the input block a new id with every revision, so Slack shows an empty box for the next question', () => {
    const blocks = (revision: number) => JSON.stringify(runStepMessage(message(ask('text'), { revision })).blocks);
    expect(blocks(3)).toContain('"block_id":"run1|q|3"');
    expect(blocks(4)).toContain('"block_id":"run1|q|4"');
  });

  it('keeps the earlier answer as the suggestion after going back', () => {
    const shown = JSON.stringify(runStepMessage(message(ask('choice'), { suggestion: 'net' })).blocks);
    expect(shown).toContain('"initial_option":{"text":{"type":"plain_text","text":"Network"},"value":"net"}');
  });

  it('shows English with the Japanese beneath, and escapes what Slack would read as markup', () => {
    const shown = JSON.stringify(runStepMessage(message(ask('number', { question: { en: 'Errors > 5%?', ja: 'エラー率' } }))).blocks);
    expect(shown).toContain('Errors &gt; 5%?\\n_エラー率_');
  });

  it('a finished run shows who answered what, with no controls', () => {
    const done = message(null, {
      answers: [{ stepId: 'q', question: { en: 'How many?' }, value: 1200, display: '1200', by: { id: 'u1', name: 'Mia' }, at: '2026-12-01T00:01:00.000Z' }],
      done: ['t'],
    });
    const rendered = runStepMessage(done);
    expect(JSON.stringify(rendered.blocks)).toContain('How many? *1200* — Mia');
    expect(controls(null, done.run)).toEqual([]);
  });

  it.each([
    ['run1|step-a', { runId: 'run1', stepId: 'step-a' }],
    ['run1|step-a|4', { runId: 'run1', stepId: 'step-a' }],
    ['run1', undefined],
    ['', undefined],
  ])('reads the step a control names: %j', (value, expected) => {
    expect(parseStepRef(value)).toEqual(expected);
  });
});
