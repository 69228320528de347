import { incidentReference } from '../../domain/incidents/incident.js';
import { POSTMORTEM_REQUIRED_SHARE } from '../../domain/slo/attribution.js';
import { budgetSentence } from '../../domain/slo/budget-sentence.js';
import { postmortemRequired } from '../../domain/slo/incident-budget.js';
import type { SloWindow } from '../../domain/slo/types.js';
import type { Executor } from '../../store/database.js';
import { listIncidentSloImpacts, type IncidentSloImpact } from '../../store/repositories/incident-slo-impacts.js';
import type { Deps } from '../deps.js';
import { findIncident } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';

export interface SloImpactView {
  sloId: string;
  sloName: string;
  serviceId: string;
  window: SloWindow;
  spanStart: string;
  spanEnd: string;
  fallback: boolean;
  bad: number;
  budget: number;
  share: number;
  unit: 'events' | 'minutes';
  estimated: boolean;
  computedAt: string;
  /** "INC-12 burnt 25.5 % of checkout-availability's 28-day budget (30,600 of 120,000 errors)". */
  sentence: { en: string; ja: string };
}

export interface IncidentSloImpactView {
  reference: string;
  /** Largest share first; empty until the incident is mitigated (or when no SLO covers its services). */
  impacts: SloImpactView[];
  /** One SLO's share reached `threshold`: the error-budget policy asks for a postmortem. */
  postmortemRequired: boolean;
  threshold: number;
}

/** `GET /api/v1/incidents/{id}/slo-impact`: the budget the incident burnt per SLO. */
export async function readIncidentSloImpact(deps: Deps, principal: Principal, idOrReference: string): Promise<IncidentSloImpactView> {
  authorize(principal, 'viewer');
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncident(tx, idOrReference);
    const reference = incidentReference(incident.number);
    const impacts = await listIncidentSloImpacts(tx, incident.id);
    return {
      reference,
      impacts: impacts.map((impact) => present(impact, reference)),
      postmortemRequired: postmortemRequired(impacts.map((impact) => impact.share)),
      threshold: POSTMORTEM_REQUIRED_SHARE,
    };
  });
}

/** The figures a postmortem is written from, in the caller's transaction; null before any were computed. */
export async function readSloImpactForPostmortem(tx: Executor, incidentId: string): Promise<IncidentSloImpact[] | null> {
  const impacts = await listIncidentSloImpacts(tx, incidentId);
  return impacts.length ? impacts : null;
}

function present(impact: IncidentSloImpact, reference: string): SloImpactView {
  const figures = { ...impact, reference };
  return {
    sloId: impact.sloId,
    sloName: impact.sloName,
    serviceId: impact.serviceId,
    window: impact.window,
    spanStart: new Date(impact.span.start).toISOString(),
    spanEnd: new Date(impact.span.end).toISOString(),
    fallback: impact.fallback,
    bad: impact.bad,
    budget: impact.budget,
    share: impact.share,
    unit: impact.unit,
    estimated: impact.estimated,
    computedAt: impact.computedAt,
    sentence: { en: budgetSentence(figures, 'en'), ja: budgetSentence(figures, 'ja') },
  };
}
