import { NotFoundError } from '../../errors.js';
import { listGaps } from '../../store/repositories/sli-data.js';
import { findSlo, listSlos as listStored, type SloRecord } from '../../store/repositories/slos.js';
import { findPullState } from '../../store/repositories/slo-states.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { sloStatus } from './slo-status.js';

export type SloView = ReturnType<typeof sloView>;

export async function listSlos(deps: Deps, principal: Principal, filter: { serviceId?: string } = {}): Promise<{ items: SloView[] }> {
  authorize(principal, 'viewer');
  const records = await listStored(deps.db, filter.serviceId ? { serviceIds: [filter.serviceId] } : {});
  return { items: records.map(sloView) };
}

/** The SLO with its status now: budget over the window, burn rates, projected exhaustion, recent gaps. */
export async function getSlo(deps: Deps, id: string, principal: Principal) {
  authorize(principal, 'viewer');
  const record = await findSlo(deps.db, id);
  if (!record) throw new NotFoundError('slo', id);
  const now = deps.clock.now().getTime();
  const status = await sloStatus(deps.db, record, now);
  const { budget, burn } = status;
  const gaps = await listGaps(deps.db, id, budget.window);
  const pull = await findPullState(deps.db, id);
  const iso = (at: number) => new Date(at).toISOString();
  return {
    ...sloView(record),
    status: {
      window: { start: iso(budget.window.start), end: iso(budget.window.end) },
      attainment: budget.attainment,
      unit: budget.unit,
      budget: budget.budget,
      consumed: budget.consumed,
      remaining: budget.remaining,
      remainingFraction: budget.remainingFraction,
      coverage: budget.coverage,
      health: budget.health,
      totals: budget.totals,
      burn: { state: burn.state, rates: burn.rates, checks: burn.checks },
      exhaustionAt: status.exhaustionAt === null ? null : iso(status.exhaustionAt),
      estimated: status.estimated,
      gaps: gaps.slice(-50).map((gap) => ({ start: iso(gap.start), end: iso(gap.end), reason: gap.reason, detail: gap.detail })),
      pull: pull ? { pulledUntil: pull.pulledUntil ? iso(pull.pulledUntil) : null, failures: pull.failures, lastError: pull.lastError, lastErrorAt: pull.lastErrorAt, lastSuccessAt: pull.lastSuccessAt } : null,
    },
  };
}

export function sloView(record: SloRecord) {
  const { definition } = record;
  return {
    id: definition.id,
    service: definition.service,
    serviceId: record.serviceId,
    name: definition.name,
    description: definition.description,
    objective: definition.objective,
    window: definition.window,
    budgeting: definition.budgeting,
    indicator: definition.indicator,
    source: definition.source,
    origin: record.origin,
    file: record.file,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
