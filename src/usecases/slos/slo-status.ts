import { budgetFromTotals, elapsedWindow, type BudgetStatus } from '../../domain/slo/budget.js';
import { BURN_WINDOWS, burnReport, projectedExhaustion, type BurnReport } from '../../domain/slo/burn-rate.js';
import { windowLength } from '../../domain/slo/window.js';
import type { Executor } from '../../store/database.js';
import type { SloRecord } from '../../store/repositories/slos.js';
import { listMinutes, sumRollups } from '../../store/repositories/sli-data.js';

export interface SloStatus {
  budget: BudgetStatus;
  burn: BurnReport;
  /** When the budget left runs out at the last hour's burn rate; null when not burning. */
  exhaustionAt: number | null;
  /** The minutes were estimated from incidents' impact windows, not measured. */
  estimated: boolean;
}

/** The SLO's budget over its window (from roll-ups) and its burn rates (minutes of the last 3 days only). */
export async function sloStatus(db: Executor, record: SloRecord, now: number): Promise<SloStatus> {
  const slo = record.definition;
  const totals = (await sumRollups(db, [slo.id], elapsedWindow(slo, now))).get(slo.id)!;
  const budget = budgetFromTotals(slo, totals, now);
  const recent = await listMinutes(db, slo.id, { start: now - BURN_WINDOWS['3d'], end: now });
  const burn = burnReport(slo, recent, now);
  return {
    budget,
    burn,
    exhaustionAt: projectedExhaustion(budget.remainingFraction, burn.rates['1h'], windowLength(slo.window, now), now),
    estimated: slo.source.kind === 'incidents',
  };
}
