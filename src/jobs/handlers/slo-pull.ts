import { chunkSpan, evaluationRange, minutesFromSeries, queriesOf, spanToPull, type PulledSeries, type PulledSource } from '../../domain/slo/prometheus-pull.js';
import { windowLength } from '../../domain/slo/window.js';
import { PrometheusError, queryRange } from '../../integrations/prometheus/client.js';
import { findSlo, type SloRecord } from '../../store/repositories/slos.js';
import { findPullState } from '../../store/repositories/slo-states.js';
import type { Deps } from '../../usecases/deps.js';
import { estimateFromIncidents } from '../../usecases/slos/estimate-from-incidents.js';
import { pullDue, recordPullFailure, recordSliSpan } from '../../usecases/slos/record-sli-pull.js';
import { hasSliTimer, nextTimerRun, scheduleSliPull } from '../../usecases/slos/sli-timers.js';
import type { JobContext, JobHandler } from '../handler.js';

/** `slo.pullPrometheus`: an SLO's minute timer — pulls its Prometheus queries, or estimates it from incidents. */
export interface SloPullPayload {
  sloId: string;
}

export const DEFAULT_PROMETHEUS_TIMEOUT_SECONDS = 10;

export function sloPull(deps: Deps): JobHandler<SloPullPayload> {
  return async (payload, ctx) => {
    const slo = await findSlo(deps.db, payload.sloId);
    // A deleted SLO, or one that now takes pushed data, ends its chain here.
    if (!slo || !hasSliTimer(slo.definition)) return;
    // The next tick is planned first, so the chain survives this run failing for good.
    await scheduleSliPull(deps.db, slo.definition.id, ctx.now, nextTimerRun(ctx.now));
    const source = slo.definition.source;
    if (source.kind === 'incidents') {
      const minutes = await estimateFromIncidents(deps, slo, ctx.now);
      ctx.logger?.debug({ slo: slo.definition.id, minutes }, 'SLO minutes estimated from incidents');
      return;
    }
    if (source.kind === 'prometheus' || source.kind === 'prometheus-ratio') await pullPrometheus(deps, slo, source, ctx);
  };
}

async function pullPrometheus(deps: Deps, slo: SloRecord, source: PulledSource, ctx: JobContext): Promise<void> {
  const state = await findPullState(deps.db, slo.definition.id);
  if (!pullDue(state, ctx.now)) return;
  const now = ctx.now.getTime();
  const span = spanToPull(state?.pulledUntil ?? 0, now, windowLength(slo.definition.window, now));
  if (!span) return;
  const prometheus = deps.settings.prometheus;
  if (!prometheus) {
    await recordPullFailure(deps, slo, span, { reason: 'not_configured', message: 'settings have no prometheus.url' }, ctx.now);
    return;
  }
  const timeoutMs = (prometheus.timeoutSeconds ?? DEFAULT_PROMETHEUS_TIMEOUT_SECONDS) * 1000;
  for (const chunk of chunkSpan(span)) {
    const series: PulledSeries = {};
    try {
      for (const [name, query] of queriesOf(source)) {
        series[name] = await queryRange(prometheus.url, { query, ...evaluationRange(chunk) }, timeoutMs, ctx.signal);
      }
    } catch (error) {
      if (!(error instanceof PrometheusError)) throw error;
      const failed = await recordPullFailure(deps, slo, { start: chunk.start, end: span.end }, { reason: error.reason, message: error.message }, ctx.now);
      ctx.logger?.warn({ slo: slo.definition.id, reason: error.reason, failures: failed.failures }, `Prometheus pull failed: ${error.message}`);
      return;
    }
    await recordSliSpan(deps, slo, chunk, minutesFromSeries(source, chunk, series), 'prometheus', ctx.now);
  }
}
