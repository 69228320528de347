import type { Deps } from '../deps.js';

/** What routing did, per outcome kind, for the job's log line. */
export type RouteOutcomes = Record<string, number>;

/** Carries the given alerts through routing; filled in by the routing use case proper. */
export async function routeAlerts(_deps: Deps, alertIds: readonly string[], _now: Date): Promise<RouteOutcomes> {
  return { pending: alertIds.length };
}
