import type { Deps } from '../../usecases/deps.js';
import { computeIncidentBudget } from '../../usecases/slos/incident-budget.js';
import type { JobHandler } from '../handler.js';

/** `slos.computeIncidentBudget`: enqueued when an incident is mitigated or resolved (or its span changes after). */
export interface ComputeIncidentBudgetPayload {
  incidentId: string;
  /** Also recompute the already-computed incidents overlapping this one (false for those recomputations). */
  refreshNeighbours: boolean;
}

export function slosComputeIncidentBudget(deps: Deps): JobHandler<ComputeIncidentBudgetPayload> {
  return async (payload, ctx) => {
    const impacts = await computeIncidentBudget(deps, payload.incidentId, { refreshNeighbours: payload.refreshNeighbours });
    ctx.logger?.info({ incidentId: payload.incidentId, slos: impacts.length }, 'incident error budget computed');
  };
}
