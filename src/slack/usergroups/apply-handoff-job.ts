import type { JobHandler } from '../../jobs/handler.js';
import type { Deps } from '../../usecases/deps.js';
import { handOff } from '../../usecases/oncall/user-groups/hand-off.js';

/**
 * `oncall.applyHandoff`: the durable timer of one schedule's handoff, due at its instant and keyed
 * by schedule and instant. It queues the notices and the group's sync, and plans the next
 * timer; it makes no Slack call itself.
 */
export interface ApplyHandoffPayload {
  scheduleId: string;
  at: string;
}

export function applyHandoffHandler(deps: Deps): JobHandler<ApplyHandoffPayload> {
  return async (payload) => handOff(deps, payload);
}
