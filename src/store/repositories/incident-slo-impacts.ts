import type { Selectable } from 'kysely';
import type { SloWindow, Span } from '../../domain/slo/types.js';
import type { Executor } from '../database.js';
import { decodeJson, encodeJson } from '../json.js';
import type { Database } from '../schema.js';

/** The error budget one incident burnt on one SLO, as computed at its mitigation or resolution. */
export interface IncidentSloImpact {
  incidentId: string;
  sloId: string;
  /** The SLO's name and window when computed: the record outlives an SLO removed later. */
  sloName: string;
  serviceId: string;
  window: SloWindow;
  /** Impact start → mitigation, epoch ms. */
  span: Span;
  /** Declared or resolved stood in for a missing impact start or mitigation. */
  fallback: boolean;
  bad: number;
  budget: number;
  share: number;
  unit: 'events' | 'minutes';
  /** The SLO's minutes are estimated from incidents, not measured. */
  estimated: boolean;
  computedAt: string;
}

/** Replaces the incident's impacts with `impacts` (an SLO no longer covering its services is dropped). */
export async function replaceIncidentSloImpacts(tx: Executor, incidentId: string, impacts: readonly IncidentSloImpact[]): Promise<void> {
  await tx.deleteFrom('incident_slo_impacts').where('incident_id', '=', incidentId).execute();
  if (!impacts.length) return;
  await tx
    .insertInto('incident_slo_impacts')
    .values(
      impacts.map((impact) => ({
        incident_id: impact.incidentId,
        slo_id: impact.sloId,
        slo_name: impact.sloName,
        service_id: impact.serviceId,
        slo_window: encodeJson(impact.window),
        span_start: impact.span.start,
        span_end: impact.span.end,
        fallback: impact.fallback ? 1 : 0,
        bad: impact.bad,
        budget: impact.budget,
        share: impact.share,
        unit: impact.unit,
        estimated: impact.estimated ? 1 : 0,
        computed_at: impact.computedAt,
      })),
    )
    .execute();
}

/** The incident's impacts, largest share first. */
export async function listIncidentSloImpacts(db: Executor, incidentId: string): Promise<IncidentSloImpact[]> {
  const rows = await db.selectFrom('incident_slo_impacts').selectAll().where('incident_id', '=', incidentId).orderBy('share', 'desc').orderBy('slo_id').execute();
  return rows.map(toImpact);
}

function toImpact(row: Selectable<Database['incident_slo_impacts']>): IncidentSloImpact {
  return {
    incidentId: row.incident_id,
    sloId: row.slo_id,
    sloName: row.slo_name,
    serviceId: row.service_id,
    window: decodeJson<SloWindow>(row.slo_window),
    span: { start: Number(row.span_start), end: Number(row.span_end) },
    fallback: Number(row.fallback) === 1,
    bad: Number(row.bad),
    budget: Number(row.budget),
    share: Number(row.share),
    unit: row.unit,
    estimated: Number(row.estimated) === 1,
    computedAt: row.computed_at,
  };
}
