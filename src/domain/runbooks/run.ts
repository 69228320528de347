import { ConflictError, ValidationError } from '../../errors.js';
import { type AnswerInput, coerceAnswer, describeAnswer } from './answers.js';
import { branchTarget } from './branch.js';
import { RunbookVersionError, StaleStepError } from './errors.js';
import type { RunEffect, RunState, RunTransition, StepMark } from './run-state.js';
import { fillPlaceholders } from './text.js';
import { END, type ActionStep, type AskStep, type RunbookDefinition, type RunbookStep } from './types.js';
import { runbookVersion } from './version.js';

/** Who acts and when; `by` is a user id (or `system` for a run started by a trigger). */
export interface RunContext {
  by: string;
  at: Date;
}

/** The buttons a run's current step offers. */
export type RunMove = 'answer' | 'complete' | 'proceed' | 'skip' | 'back' | 'abandon';

/** Starts a run at the first step; branches and unconfirmed actions on the way are carried out at once. */
export function startRun(definition: RunbookDefinition, ctx: RunContext): RunTransition {
  const state: RunState = {
    runbookId: definition.id,
    version: runbookVersion(definition),
    status: 'running',
    currentStepId: null,
    answers: {},
    done: {},
    skipped: {},
    path: [],
    startedAt: ctx.at.toISOString(),
    finishedAt: null,
  };
  const effects: RunEffect[] = [{ kind: 'timeline', entry: { kind: 'runbook.started', payload: { runbookId: definition.id, title: definition.title } } }];
  return advance(definition, state, definition.steps[0]!.id, effects, ctx);
}

/** Records the answer to the current question (coerced from Slack or web input) and moves on. */
export function answerStep(definition: RunbookDefinition, state: RunState, stepId: string, input: AnswerInput, ctx: RunContext): RunTransition {
  const step = stepToAct(definition, state, stepId, 'ask');
  const value = coerceAnswer(step, input);
  if (value === null) return skipStep(definition, state, stepId, ctx);
  const next = withoutMarks(state, stepId);
  next.answers = { ...next.answers, [stepId]: { value, ...mark(ctx) } };
  const effects: RunEffect[] = [
    {
      kind: 'timeline',
      entry: {
        kind: 'runbook.answered',
        payload: { runbookId: definition.id, stepId, question: step.question, answer: describeAnswer(step, value), value },
      },
    },
  ];
  if (step.writesTo) effects.push({ kind: 'set-field', stepId, field: step.writesTo, value });
  return advance(definition, next, successor(definition, step), effects, ctx);
}

/** Checks off the current task. */
export function completeTask(definition: RunbookDefinition, state: RunState, stepId: string, ctx: RunContext): RunTransition {
  const step = stepToAct(definition, state, stepId, 'task');
  const next = withoutMarks(state, stepId);
  next.done = { ...next.done, [stepId]: mark(ctx) };
  const effects: RunEffect[] = [{ kind: 'timeline', entry: { kind: 'runbook.task_done', payload: { runbookId: definition.id, stepId, text: step.text } } }];
  return advance(definition, next, successor(definition, step), effects, ctx);
}

/** "Continue" on guidance, or "do it" on an action that waits for confirmation. */
export function proceed(definition: RunbookDefinition, state: RunState, stepId: string, ctx: RunContext): RunTransition {
  const step = stepToAct(definition, state, stepId, 'info', 'action');
  const next = withoutMarks(state, stepId);
  next.done = { ...next.done, [stepId]: mark(ctx) };
  const effects = step.type === 'action' ? actionEffects(definition, next, step) : [];
  return advance(definition, next, successor(definition, step), effects, ctx);
}

/** Moves past the current step without an answer; a required step cannot be skipped. */
export function skipStep(definition: RunbookDefinition, state: RunState, stepId: string, ctx: RunContext): RunTransition {
  const step = stepToAct(definition, state, stepId, 'ask', 'task', 'info', 'action');
  if (isRequired(step)) throw new ValidationError(stepId, 'is required and cannot be skipped');
  const next = withoutMarks(state, stepId);
  next.skipped = { ...next.skipped, [stepId]: mark(ctx) };
  const effects: RunEffect[] = [{ kind: 'timeline', entry: { kind: 'runbook.step_skipped', payload: { runbookId: definition.id, stepId } } }];
  return advance(definition, next, successor(definition, step), effects, ctx);
}

/**
 * Returns to the step shown before the current one, keeping its answer as the suggestion;
 * what the step being left recorded is dropped, so a later branch never reads an answer
 * from a path not taken. What was already carried out (a field written, a page sent)
 * stays done: answering again writes the field again.
 */
export function goBack(definition: RunbookDefinition, state: RunState): RunTransition {
  checkVersion(definition, state);
  if (state.status !== 'running') throw new StaleStepError(state.currentStepId ?? '', null, state.status, null, null);
  const from = state.currentStepId!;
  const to = state.path[state.path.length - 2];
  if (to === undefined) throw new ConflictError('This is the first step of the runbook; there is nothing to go back to.', 'runbook.no_previous_step');
  const next = withoutMarks(state, from);
  next.currentStepId = to;
  next.path = state.path.slice(0, -1);
  return { state: next, effects: [{ kind: 'timeline', entry: { kind: 'runbook.went_back', payload: { runbookId: definition.id, from, to } } }] };
}

/** Stops a run for good (the runbook did not fit this incident). */
export function abandonRun(definition: RunbookDefinition, state: RunState, reason: string, ctx: RunContext): RunTransition {
  checkVersion(definition, state);
  if (state.status !== 'running') throw new StaleStepError(state.currentStepId ?? '', null, state.status, null, null);
  const next: RunState = { ...state, status: 'abandoned', currentStepId: null, finishedAt: ctx.at.toISOString() };
  return { state: next, effects: [{ kind: 'timeline', entry: { kind: 'runbook.abandoned', payload: { runbookId: definition.id, reason: reason.trim() } } }] };
}

export function currentStep(definition: RunbookDefinition, state: RunState): RunbookStep | undefined {
  return state.currentStepId === null ? undefined : definition.steps.find((step) => step.id === state.currentStepId);
}

/** What can be done at the run's current step, for the adapter's buttons. */
export function availableMoves(definition: RunbookDefinition, state: RunState): RunMove[] {
  const step = currentStep(definition, state);
  if (state.status !== 'running' || !step) return [];
  const moves: RunMove[] = [];
  if (step.type === 'ask') moves.push('answer');
  if (step.type === 'task') moves.push('complete');
  if (step.type === 'info' || step.type === 'action') moves.push('proceed');
  if (!isRequired(step)) moves.push('skip');
  if (state.path.length > 1) moves.push('back');
  moves.push('abandon');
  return moves;
}

function isRequired(step: RunbookStep): boolean {
  if (step.type === 'ask') return step.validation.required;
  return step.type === 'task' || step.type === 'action' ? step.required : false;
}

function stepToAct<T extends RunbookStep['type']>(
  definition: RunbookDefinition,
  state: RunState,
  stepId: string,
  ...types: T[]
): Extract<RunbookStep, { type: T }> {
  checkVersion(definition, state);
  if (state.status !== 'running' || state.currentStepId !== stepId) {
    const earlier = state.answers[stepId] ?? state.done[stepId] ?? state.skipped[stepId];
    throw new StaleStepError(stepId, state.currentStepId, state.status, earlier?.by ?? null, earlier?.at ?? null);
  }
  const step = definition.steps.find((s) => s.id === stepId)!;
  if (!(types as string[]).includes(step.type)) {
    throw new ValidationError(stepId, `is a${step.type === 'ask' || step.type === 'info' || step.type === 'action' ? 'n' : ''} ${step.type} step; this move applies to ${types.join(' or ')} steps`);
  }
  return step as Extract<RunbookStep, { type: T }>;
}

function checkVersion(definition: RunbookDefinition, state: RunState): void {
  const version = runbookVersion(definition);
  if (version !== state.version) throw new RunbookVersionError(state.version, version);
}

function mark(ctx: RunContext): StepMark {
  return { by: ctx.by, at: ctx.at.toISOString() };
}

function withoutMarks(state: RunState, stepId: string): RunState {
  const drop = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([id]) => id !== stepId));
  return { ...state, answers: drop(state.answers), done: drop(state.done), skipped: drop(state.skipped) };
}

function successor(definition: RunbookDefinition, step: Exclude<RunbookStep, { type: 'branch' }>): string {
  if (step.next !== undefined) return step.next;
  const index = definition.steps.indexOf(step);
  return definition.steps[index + 1]?.id ?? END;
}

/**
 * Walks from `target` until a step that waits for a person, or the end: branches choose
 * by the answers, unconfirmed actions are carried out. Validated runbooks have no loop,
 * so the walk visits each step at most once.
 */
function advance(definition: RunbookDefinition, state: RunState, target: string, effects: RunEffect[], ctx: RunContext): RunTransition {
  const next: RunState = { ...state };
  let id = target;
  for (let visited = 0; visited <= definition.steps.length; visited++) {
    if (id === END) {
      effects.push({ kind: 'timeline', entry: { kind: 'runbook.completed', payload: { runbookId: definition.id } } });
      return { state: { ...next, status: 'completed', currentStepId: null, finishedAt: ctx.at.toISOString() }, effects };
    }
    const index = definition.steps.findIndex((step) => step.id === id);
    const step = definition.steps[index]!;
    if (step.type === 'branch') {
      id = branchTarget(step, next.answers, definition.steps[index + 1]?.id ?? END);
    } else if (step.type === 'action' && !step.confirm) {
      effects.push(...actionEffects(definition, next, step));
      id = successor(definition, step);
    } else {
      return { state: { ...next, currentStepId: id, path: [...next.path, id] }, effects };
    }
  }
  throw new ConflictError(`Runbook ${definition.id} loops; validate it before running it.`, 'runbook.invalid');
}

function actionEffects(definition: RunbookDefinition, state: RunState, step: ActionStep): RunEffect[] {
  const stepId = step.id;
  const action = step.action;
  const answerText = (id: string, language: 'en' | 'ja') => {
    const asked = definition.steps.find((s): s is AskStep => s.id === id && s.type === 'ask');
    const answer = state.answers[id];
    return asked && answer ? describeAnswer(asked, answer.value, language) : undefined;
  };
  const taken: RunEffect = { kind: 'timeline', entry: { kind: 'runbook.action_taken', payload: { runbookId: definition.id, stepId, action: action.kind } } };
  switch (action.kind) {
    case 'set-severity':
      return [{ kind: action.kind, stepId, severity: action.severity }, taken];
    case 'set-status':
      return [{ kind: action.kind, stepId, status: action.status }, taken];
    case 'set-field':
      return [{ kind: action.kind, stepId, field: action.field, value: action.value }, taken];
    case 'invite':
    case 'page':
      return [{ kind: action.kind, stepId, target: action.target } as RunEffect, taken];
    case 'post-update':
      return [{ kind: action.kind, stepId, message: fillPlaceholders(action.message, answerText) }, taken];
    case 'create-follow-up':
      return [
        { kind: action.kind, stepId, title: fillPlaceholders(action.title, answerText), ...(action.assignee ? { assignee: action.assignee } : {}) },
        taken,
      ];
  }
}
