import type { SloBudgetBurntPayload, TimelineDraft } from '../incidents/timeline.js';
import { POSTMORTEM_REQUIRED_SHARE } from './attribution.js';
import { postmortemRequired } from './incident-budget.js';

/**
 * The timeline entries a (re)computation of an incident's budget writes: the figures the
 * first time there are any (that is the moment of mitigation), and "postmortem required"
 * the first time one SLO's share reaches the policy's threshold — a later recomputation
 * (resolution, an overlapping incident, late data) writes nothing it already said.
 */
export function budgetEntries(before: readonly Pick<SloBudgetBurntPayload, 'share'>[], now: readonly SloBudgetBurntPayload[]): TimelineDraft[] {
  const entries: TimelineDraft[] = before.length ? [] : now.map((payload) => ({ kind: 'slo.budget_burnt' as const, payload }));
  const shares = (list: readonly Pick<SloBudgetBurntPayload, 'share'>[]) => list.map((impact) => impact.share);
  if (postmortemRequired(shares(now)) && !postmortemRequired(shares(before))) {
    const worst = now.reduce((a, b) => (b.share > a.share ? b : a));
    entries.push({ kind: 'postmortem.required', payload: { sloId: worst.sloId, sloName: worst.sloName, share: worst.share, threshold: POSTMORTEM_REQUIRED_SHARE } });
  }
  return entries;
}
