import { burnAlertEvents, burnPageRoute, burnResolvedEvent, nextBurnState, SLO_BURN_INTEGRATION } from '../../domain/slo/burn-alert.js';
import type { SloDefinition } from '../../domain/slo/definition.js';
import { BURN_WINDOWS, burnReport } from '../../domain/slo/burn-rate.js';
import { listMinutes } from '../../store/repositories/sli-data.js';
import { listSlos } from '../../store/repositories/slos.js';
import { findBurnState, saveBurnState, type BurnAlertState } from '../../store/repositories/slo-states.js';
import { ingestInternalAlerts } from '../alerts/ingest-internal.js';
import type { Deps } from '../deps.js';

/**
 * The burn sweep: every SLO's multiwindow burn state from its last 3 days of minutes; a change
 * raises or resolves its alert through the alert pipeline on the built-in `slo-burn`
 * integration (dedup key `slo:<id>`). The state is saved after the alert is committed, so a
 * crash in between only sends the same event again (a repeat, or a resolve of nothing).
 */
export async function evaluateBurn(deps: Deps, now: Date): Promise<Record<string, string>> {
  const at = now.getTime();
  const changes: Record<string, string> = {};
  for (const record of await listSlos(deps.db)) {
    const slo = record.definition;
    const minutes = await listMinutes(deps.db, slo.id, { start: at - BURN_WINDOWS['3d'], end: at });
    const report = burnReport(slo, minutes, at);
    const raised = (await findBurnState(deps.db, slo.id)) ?? 'ok';
    const next = nextBurnState(report, raised);
    const events = burnAlertEvents(slo, report, raised, next, now.toISOString());
    if (events.length) {
      await ingestInternalAlerts(deps, SLO_BURN_INTEGRATION, events, { routes: [burnPageRoute(slo.service)] });
      changes[slo.id] = `${raised}→${next}`;
    }
    await saveBurnState(deps.db, slo.id, next, events.length > 0, now.toISOString());
  }
  return changes;
}

/** Resolves the burn alerts of SLOs that were deleted while burning (their state rows went with them). */
export async function resolveBurnOfDeleted(deps: Deps, deleted: ReadonlyArray<{ definition: SloDefinition; burn: BurnAlertState | undefined }>): Promise<void> {
  const at = deps.clock.now().toISOString();
  const events = deleted.flatMap(({ definition, burn }) => (burn === 'page' || burn === 'ticket' ? [burnResolvedEvent(definition, burn, at)] : []));
  await ingestInternalAlerts(deps, SLO_BURN_INTEGRATION, events);
}
