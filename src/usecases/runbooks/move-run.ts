import type { AnswerInput } from '../../domain/runbooks/answers.js';
import { StaleStepError } from '../../domain/runbooks/errors.js';
import { abandonRun, answerStep, completeTask, goBack, proceed, skipStep, type RunContext } from '../../domain/runbooks/run.js';
import type { RunTransition } from '../../domain/runbooks/run-state.js';
import { ValidationError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import { getIncidentForUpdate } from '../../store/repositories/incidents.js';
import { getRunForUpdate, updateRunState, type StoredRun } from '../../store/repositories/runbooks.js';
import { findUser } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { applyRunEffects } from './apply-effects.js';
import { enqueueRunMessage } from './run-jobs.js';
import { viewRun, type RunView } from './run-view.js';
import { actingId } from './start-run.js';

export const STEP_ACTIONS = ['answer', 'complete', 'proceed', 'skip'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export interface StepMove {
  action: StepAction;
  /** The answer (`answer` only): text, a number, a boolean, a list for multi-choice. */
  value?: AnswerInput;
}

/**
 * Answers, checks off, continues past or skips the run's current step, in one transaction
 * with everything the step sets off. `stepId` is the step the person saw: when the run has
 * moved on since (someone else answered first), the move is refused with
 * `runbook.stale_step`, naming who answered and when.
 */
export async function moveRunStep(deps: Deps, runId: string, stepId: string, move: StepMove, principal: Principal): Promise<RunView> {
  authorize(principal, 'responder');
  return transition(deps, runId, principal, (run, ctx) => {
    const { definition, state } = run;
    switch (move.action) {
      case 'answer':
        return answerStep(definition, state, stepId, move.value, ctx);
      case 'complete':
        return completeTask(definition, state, stepId, ctx);
      case 'proceed':
        return proceed(definition, state, stepId, ctx);
      case 'skip':
        return skipStep(definition, state, stepId, ctx);
    }
  });
}

/**
 * Back to the step shown before the current one; its answer stays as the suggestion.
 * `fromStepId` (a Slack button) is the step the person saw: stale once the run moved on.
 */
export async function goBackInRun(deps: Deps, runId: string, principal: Principal, fromStepId?: string): Promise<RunView> {
  authorize(principal, 'responder');
  return transition(deps, runId, principal, (run) => {
    const { state } = run;
    if (fromStepId !== undefined && state.currentStepId !== fromStepId) {
      const earlier = state.answers[fromStepId] ?? state.done[fromStepId] ?? state.skipped[fromStepId];
      throw new StaleStepError(fromStepId, state.currentStepId, state.status, earlier?.by ?? null, earlier?.at ?? null);
    }
    return goBack(run.definition, state);
  });
}

/** Stops a run for good: the runbook did not fit this incident. */
export async function abandonRunbookRun(deps: Deps, runId: string, reason: string, principal: Principal): Promise<RunView> {
  authorize(principal, 'responder');
  if (!reason.trim()) throw new ValidationError('reason', 'say why the runbook is abandoned');
  return transition(deps, runId, principal, (run, ctx) => abandonRun(run.definition, run.state, reason, ctx));
}

async function transition(
  deps: Deps,
  runId: string,
  principal: Principal,
  decide: (run: StoredRun, ctx: RunContext) => RunTransition,
): Promise<RunView> {
  return deps.db.transaction().execute(async (tx) => {
    const run = await getRunForUpdate(tx, runId);
    const incident = await getIncidentForUpdate(tx, run.incidentId);
    const now = deps.clock.now();
    let decided: RunTransition;
    try {
      decided = decide(run, { by: actingId(principal), at: now });
    } catch (error) {
      throw error instanceof StaleStepError ? await withName(tx, error) : error;
    }
    const moved: StoredRun = { ...run, state: decided.state, revision: run.revision + 1, updatedAt: now.toISOString() };
    await updateRunState(tx, moved);
    await applyRunEffects(tx, deps, incident, moved, decided.effects, principal);
    await enqueueRunMessage(tx, deps, moved, now);
    return viewRun(tx, moved);
  });
}

/** The stale-step refusal names the person who answered, not their id. */
async function withName(tx: Executor, error: StaleStepError): Promise<StaleStepError> {
  if (!error.answeredBy) return error;
  const user = await findUser(tx, error.answeredBy);
  return new StaleStepError(error.stepId, error.currentStepId, error.runStatus, user?.name ?? error.answeredBy, error.answeredAt);
}
