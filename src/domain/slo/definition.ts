import type { SloTarget } from './types.js';

/** Where an SLO's minutes come from. */
export type SliSource =
  /** PromQL giving per-minute counts, pulled with query_range at a 60 s step. */
  | { kind: 'prometheus'; good?: string; bad?: string; total: string }
  /** PromQL giving the error ratio; each minute then weighs one event. */
  | { kind: 'prometheus-ratio'; errorRatio: string }
  /** Per-minute good/total buckets pushed to the API. */
  | { kind: 'push' }
  /** No metric: availability estimated from incidents' impact windows, marked as estimated. */
  | { kind: 'incidents' };

export interface SloDefinition extends SloTarget {
  id: string;
  /** The service's name, as in the service catalog. */
  service: string;
  name: string;
  description: string;
  /** A ratio of good to total events, or of requests faster than a latency threshold. */
  indicator: { type: 'ratio' } | { type: 'latency'; thresholdMs: number };
  source: SliSource;
}

export interface SloProblem {
  /** Dotted path in the document, e.g. `spec.objectives[0].target`. */
  path: string;
  message: string;
  /** Which document of a multi-document file (0-based), when the file has several. */
  document?: number;
}
