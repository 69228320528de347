import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../errors.js';
import { RunbookVersionError, StaleStepError } from './errors.js';
import { BUILT_IN_FIELDS } from './fields.js';
import { abandonRun, answerStep, availableMoves, completeTask, currentStep, goBack, proceed, skipStep, startRun } from './run.js';
import type { RunEffect, RunState } from './run-state.js';
import type { RunbookDefinition } from './types.js';
import { validateRunbook } from './validate.js';

const T0 = new Date('2026-12-01T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const alice = (minutes: number) => ({ by: 'alice', at: at(minutes) });
const bob = (minutes: number) => ({ by: 'bob', at: at(minutes) });

function define(raw: unknown): RunbookDefinition {
  const { runbook, problems } = validateRunbook(raw, {
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    fields: { ...BUILT_IN_FIELDS, affected_users: { type: 'number' } },
  });
  if (!runbook) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return runbook;
}

/** A first response: customer-facing? yes → count users, page support, post an update; then a task. */
const outage = define({
  id: 'outage',
  title: { en: 'Outage', ja: '障害' },
  steps: [
    { id: 'impact', type: 'ask', question: 'When did it start?', answer: 'time', writesTo: 'impact_started_at' },
    { id: 'customers', type: 'ask', question: 'Customer-facing?', answer: 'yes-no', validation: { required: true } },
    { id: 'route', type: 'branch', cases: [{ when: { step: 'customers', yes: true }, goto: 'users' }], default: 'fix' },
    { id: 'users', type: 'ask', question: 'How many users?', answer: 'number', validation: { min: 0 }, writesTo: 'affected_users' },
    { id: 'page', type: 'action', action: 'page', escalationPolicy: 'support-lead' },
    { id: 'tell', type: 'action', action: 'post-update', message: { en: '{{users}} users affected since {{impact}}', ja: '影響ユーザー{{users}}人' } },
    { id: 'fix', type: 'task', text: 'Roll back', assignee: 'commander', required: true },
  ],
});

const entries = (effects: RunEffect[]) => effects.flatMap((e) => (e.kind === 'timeline' ? [e.entry.kind] : []));
const actions = (effects: RunEffect[]) => effects.filter((e) => e.kind !== 'timeline');

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('a run, one step at a time', () => {
  it('starts at the first step with nothing answered', () => {
    const { state, effects } = startRun(outage, alice(0));
    expect(state).toMatchObject({ runbookId: 'outage', status: 'running', currentStepId: 'impact', path: ['impact'], answers: {}, startedAt: T0.toISOString() });
    expect(effects).toEqual([{ kind: 'timeline', entry: { kind: 'runbook.started', payload: { runbookId: 'outage', title: { en: 'Outage', ja: '障害' } } } }]);
  });

  it('writes an answer to its incident field and records who answered and when', () => {
    const started = startRun(outage, alice(0)).state;
    const { state, effects } = answerStep(outage, started, 'impact', '2026-12-01T09:50+09:00', bob(1));
    expect(state.answers.impact).toEqual({ value: '2026-12-01T00:50:00.000Z', by: 'bob', at: at(1).toISOString() });
    expect(state.currentStepId).toBe('customers');
    expect(effects).toEqual([
      {
        kind: 'timeline',
        entry: {
          kind: 'runbook.answered',
          payload: { runbookId: 'outage', stepId: 'impact', question: { en: 'When did it start?' }, answer: '2026-12-01 00:50 UTC', value: '2026-12-01T00:50:00.000Z' },
        },
      },
      { kind: 'set-field', stepId: 'impact', field: 'impact_started_at', value: '2026-12-01T00:50:00.000Z' },
    ]);
  });

  it('takes the branch a yes answer selects, then carries out the actions on the way with answers filled in', () => {
    let state = startRun(outage, alice(0)).state;
    state = answerStep(outage, state, 'impact', '2026-12-01T00:50Z', alice(1)).state;
    state = answerStep(outage, state, 'customers', 'yes', alice(2)).state;
    expect(state.currentStepId).toBe('users');
    const { state: after, effects } = answerStep(outage, state, 'users', '1,200', alice(3));
    expect(after.currentStepId).toBe('fix');
    expect(actions(effects)).toEqual([
      { kind: 'set-field', stepId: 'users', field: 'affected_users', value: 1200 },
      { kind: 'page', stepId: 'page', target: { escalationPolicy: 'support-lead' } },
      { kind: 'post-update', stepId: 'tell', message: { en: '1200 users affected since 2026-12-01 00:50 UTC', ja: '影響ユーザー1200人' } },
    ]);
    expect(entries(effects)).toEqual(['runbook.answered', 'runbook.action_taken', 'runbook.action_taken']);
  });

  it('takes the default of a branch when no case holds, skipping the customer steps and their actions', () => {
    let state = startRun(outage, alice(0)).state;
    state = skipStep(outage, state, 'impact', alice(1)).state;
    const { state: after, effects } = answerStep(outage, state, 'customers', false, alice(2));
    expect(after.currentStepId).toBe('fix');
    expect(after.path).toEqual(['impact', 'customers', 'fix']);
    expect(actions(effects)).toEqual([]);
  });

  it('fills an unanswered placeholder with a dash rather than leaving {{braces}}', () => {
    const def = define({
      id: 'r',
      title: 'R',
      steps: [
        { id: 'n', type: 'ask', question: 'N?', answer: 'number' },
        { id: 'say', type: 'action', action: 'post-update', message: 'N is {{n}}' },
      ],
    });
    const { effects } = skipStep(def, startRun(def, alice(0)).state, 'n', alice(1));
    expect(actions(effects)).toEqual([{ kind: 'post-update', stepId: 'say', message: { en: 'N is —' } }]);
  });

  it('completes after the last step, ending the run', () => {
    let state = startRun(outage, alice(0)).state;
    state = answerStep(outage, state, 'impact', '', alice(1)).state;
    state = answerStep(outage, state, 'customers', 'no', alice(2)).state;
    const { state: done, effects } = completeTask(outage, state, 'fix', bob(3));
    expect(done).toMatchObject({ status: 'completed', currentStepId: null, finishedAt: at(3).toISOString(), done: { fix: { by: 'bob', at: at(3).toISOString() } } });
    expect(entries(effects)).toEqual(['runbook.task_done', 'runbook.completed']);
    expect(availableMoves(outage, done)).toEqual([]);
  });

  it('treats an empty answer to an optional question as a skip', () => {
    const { state, effects } = answerStep(outage, startRun(outage, alice(0)).state, 'impact', '  ', alice(1));
    expect(state.skipped.impact).toEqual({ by: 'alice', at: at(1).toISOString() });
    expect(state.answers).toEqual({});
    expect(entries(effects)).toEqual(['runbook.step_skipped']);
  });

  it('starts with the actions before the first question already carried out', () => {
    const def = define({
      id: 'r',
      title: 'R',
      steps: [
        { id: 'sev', type: 'action', action: 'set-severity', severity: 'SEV2' },
        { id: 'team', type: 'action', action: 'invite', team: 'sre' },
        { id: 'read', type: 'info', text: 'Read this', links: ['https://example.com/runbook'] },
      ],
    });
    const { state, effects } = startRun(def, alice(0));
    expect(state.currentStepId).toBe('read');
    expect(actions(effects)).toEqual([
      { kind: 'set-severity', stepId: 'sev', severity: 'SEV2' },
      { kind: 'invite', stepId: 'team', target: { team: 'sre' } },
    ]);
    expect(proceed(def, state, 'read', alice(1)).state.status).toBe('completed');
  });

  it('waits at an action with confirm, and carries it out only when someone presses it', () => {
    const def = define({
      id: 'r',
      title: 'R',
      steps: [
        { id: 'status', type: 'action', action: 'set-status', status: 'monitoring', confirm: true },
        { id: 'follow', type: 'action', action: 'create-follow-up', title: 'Add an alert', assignee: 'scribe', confirm: true, required: true },
      ],
    });
    const started = startRun(def, alice(0));
    expect(actions(started.effects)).toEqual([]);
    expect(availableMoves(def, started.state)).toEqual(['proceed', 'skip', 'abandon']);
    const skipped = skipStep(def, started.state, 'status', alice(1));
    expect(actions(skipped.effects)).toEqual([]);
    expect(availableMoves(def, skipped.state)).toEqual(['proceed', 'back', 'abandon']);
    expect(() => skipStep(def, skipped.state, 'follow', alice(2))).toThrow('follow: is required and cannot be skipped');
    const pressed = proceed(def, skipped.state, 'follow', alice(2));
    expect(actions(pressed.effects)).toEqual([{ kind: 'create-follow-up', stepId: 'follow', title: { en: 'Add an alert' }, assignee: 'scribe' }]);
    expect(pressed.state.status).toBe('completed');
  });

  it('a branch without default falls through to the step below it', () => {
    const def = define({
      id: 'r',
      title: 'R',
      steps: [
        { id: 'n', type: 'ask', question: 'N?', answer: 'number' },
        { id: 'b', type: 'branch', cases: [{ when: { step: 'n', gte: 10 }, goto: 'end' }] },
        { id: 'small', type: 'info', text: 'small' },
      ],
    });
    const started = startRun(def, alice(0)).state;
    expect(answerStep(def, started, 'n', 3, alice(1)).state.currentStepId).toBe('small');
    expect(answerStep(def, started, 'n', 10, alice(1)).state.status).toBe('completed');
  });
});

describe('refusals the adapters show', () => {
  const started = startRun(outage, alice(0)).state;
  const afterImpact = answerStep(outage, started, 'impact', '2026-12-01T00:50Z', bob(1)).state;

  it('a stale Slack button for a step someone already answered says who and when', () => {
    const error = caught(() => answerStep(outage, afterImpact, 'impact', '2026-12-01T00:55Z', alice(2)));
    expect(error).toBeInstanceOf(StaleStepError);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'runbook.stale_step', stepId: 'impact', currentStepId: 'customers', answeredBy: 'bob', answeredAt: at(1).toISOString() });
    expect((error as Error).message).toBe(`This step was already answered by bob at ${at(1).toISOString()}; the runbook has moved on to "customers".`);
  });

  it('answering a step the run has not reached yet is refused as not current', () => {
    expect(() => answerStep(outage, afterImpact, 'users', '5', alice(2))).toThrow('This is not the current step; the runbook is at "customers".');
  });

  it('answering a run that was abandoned is refused as finished', () => {
    const abandoned = abandonRun(outage, afterImpact, ' not an outage ', alice(2));
    expect(abandoned.state).toMatchObject({ status: 'abandoned', currentStepId: null, finishedAt: at(2).toISOString() });
    expect(abandoned.effects).toEqual([{ kind: 'timeline', entry: { kind: 'runbook.abandoned', payload: { runbookId: 'outage', reason: 'not an outage' } } }]);
    expect(() => answerStep(outage, abandoned.state, 'customers', 'yes', alice(3))).toThrow('This runbook run is abandoned; nothing more can be answered.');
    expect(() => goBack(outage, abandoned.state)).toThrow(StaleStepError);
  });

  it('a wrong answer names the step and leaves the state as it was', () => {
    const error = caught(() => answerStep(outage, afterImpact, 'customers', 'perhaps', alice(2)));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'customers', reason: 'must be yes or no (got "perhaps")' });
    expect(afterImpact.currentStepId).toBe('customers');
  });

  it('a move that does not fit the step names the step and the kinds it fits', () => {
    expect(() => completeTask(outage, afterImpact, 'customers', alice(2))).toThrow('customers: is an ask step; this move applies to task steps');
    expect(() => proceed(outage, afterImpact, 'customers', alice(2))).toThrow('customers: is an ask step; this move applies to info or action steps');
  });

  it('a required question cannot be skipped', () => {
    expect(() => skipStep(outage, afterImpact, 'customers', alice(2))).toThrow('customers: is required and cannot be skipped');
  });

  it('a definition edited since the run started is refused rather than followed', () => {
    const edited: RunbookDefinition = { ...outage, steps: outage.steps.slice(1) };
    expect(() => answerStep(edited, afterImpact, 'customers', 'yes', alice(2))).toThrow(RunbookVersionError);
  });
});

describe('back', () => {
  const step = (state: RunState, id: string, input: string | number) => answerStep(outage, state, id, input, alice(5)).state;

  it('returns to the previous step with its answer kept as the suggestion', () => {
    const state = step(startRun(outage, alice(0)).state, 'impact', '2026-12-01T00:50Z');
    const { state: back, effects } = goBack(outage, state);
    expect(back).toMatchObject({ currentStepId: 'impact', path: ['impact'], answers: { impact: { value: '2026-12-01T00:50:00.000Z' } } });
    expect(effects).toEqual([{ kind: 'timeline', entry: { kind: 'runbook.went_back', payload: { runbookId: 'outage', from: 'customers', to: 'impact' } } }]);
  });

  it('re-answering after going back takes the other branch, and drops the answers of the path left', () => {
    let state = step(startRun(outage, alice(0)).state, 'impact', '2026-12-01T00:50Z');
    state = step(state, 'customers', 'yes');
    state = goBack(outage, state).state; // at customers again, still answered yes
    expect(state.answers.customers?.value).toBe(true);
    state = step(state, 'customers', 'no');
    expect(state).toMatchObject({ currentStepId: 'fix', path: ['impact', 'customers', 'fix'] });
  });

  it('going back twice forgets the answer of the step passed over, so a stale button for it is refused as not current', () => {
    let state = step(startRun(outage, alice(0)).state, 'impact', '2026-12-01T00:50Z');
    state = step(state, 'customers', 'yes');
    state = goBack(outage, goBack(outage, state).state).state;
    expect(state.currentStepId).toBe('impact');
    expect(state.answers.customers).toBeUndefined();
    expect(() => step(state, 'customers', 'no')).toThrow('This is not the current step; the runbook is at "impact".');
  });

  it('is refused at the first step', () => {
    const error = caught(() => goBack(outage, startRun(outage, alice(0)).state));
    expect(error).toMatchObject({ code: 'runbook.no_previous_step' });
  });
});

describe('availableMoves and currentStep', () => {
  it.each<[string, (s: RunState) => RunState, string[]]>([
    ['an optional first question', (s) => s, ['answer', 'skip', 'abandon']],
    ['a required question after one answered', (s) => answerStep(outage, s, 'impact', '', alice(1)).state, ['answer', 'back', 'abandon']],
  ])('%s', (_name, move, expected) => {
    expect(availableMoves(outage, move(startRun(outage, alice(0)).state))).toEqual(expected);
  });

  it('currentStep is the definition step the run waits at', () => {
    expect(currentStep(outage, startRun(outage, alice(0)).state)?.id).toBe('impact');
  });
});
