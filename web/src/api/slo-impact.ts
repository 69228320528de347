import { useQuery } from '@tanstack/react-query';
import type { IncidentSloImpactView } from '../../../src/usecases/slos/read-incident-slo-impact.js';
import { api } from './client.js';

export type { IncidentSloImpactView, SloImpactView } from '../../../src/usecases/slos/read-incident-slo-impact.js';

/** While an incident is open its figures do not exist yet; they appear shortly after mitigation (a job computes them). */
const WAITING_POLL_MS = 15_000;

/** The error budget the incident burnt per SLO; under the incident's key, so its changes refresh it. */
export function useIncidentSloImpact(reference: string, mitigated: boolean) {
  return useQuery({
    queryKey: ['incident', reference.toUpperCase(), 'slo-impact'] as const,
    queryFn: () => api<IncidentSloImpactView>('GET', `/incidents/${encodeURIComponent(reference)}/slo-impact`),
    refetchInterval: (query) => (mitigated && !query.state.data?.impacts.length ? WAITING_POLL_MS : false),
  });
}
