import { startTriggeredRunbooks } from '../../usecases/runbooks/start-triggered.js';
import type { Deps } from '../../usecases/deps.js';
import type { JobHandler } from '../handler.js';

/** `runbooks.startTriggered`: enqueued by the declaration; starts the runbooks whose triggers hold. */
export interface StartTriggeredPayload {
  incidentId: string;
}

export function runbooksStartTriggered(deps: Deps): JobHandler<StartTriggeredPayload> {
  return async (payload, ctx) => {
    const started = await startTriggeredRunbooks(deps, payload.incidentId);
    if (started.length) ctx.logger?.info({ incidentId: payload.incidentId, runbooks: started }, 'triggered runbooks started');
  };
}
