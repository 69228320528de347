import type { Deps } from '../../usecases/deps.js';
import { escalatePage, type EscalationTimer } from '../../usecases/paging/escalate-page.js';
import type { JobHandler } from '../handler.js';

/** `paging.escalate`: a level's acknowledgement delay ran out (see `escalatePage`). */
export type PagingEscalatePayload = EscalationTimer;

export function pagingEscalate(deps: Deps): JobHandler<PagingEscalatePayload> {
  return async (timer, ctx) => {
    const outcome = await escalatePage(deps, timer);
    ctx.logger?.info({ pageId: timer.pageId, cycle: timer.cycle, level: timer.level, outcome }, 'page escalation timer');
  };
}
