import type { Deps } from '../../usecases/deps.js';
import { evaluateBurn } from '../../usecases/slos/evaluate-burn.js';
import { nextTimerRun, scheduleBurnEvaluation } from '../../usecases/slos/sli-timers.js';
import type { JobHandler } from '../handler.js';

/** `slo.evaluateBurn`: the minute sweep of every SLO's burn state; re-plans itself for the next minute first. */
export type SloEvaluateBurnPayload = Record<string, never>;

export function sloEvaluateBurn(deps: Deps): JobHandler<SloEvaluateBurnPayload> {
  return async (_payload, ctx) => {
    await scheduleBurnEvaluation(deps.db, ctx.now, nextTimerRun(ctx.now));
    const changes = await evaluateBurn(deps, ctx.now);
    if (Object.keys(changes).length) ctx.logger?.info({ changes }, 'SLO burn states changed');
  };
}
