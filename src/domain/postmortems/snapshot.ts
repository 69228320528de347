import type { IncidentRole } from '../incidents/incident.js';
import type { IncidentStatus } from '../incidents/status.js';
import type { TimelineDraft } from '../incidents/timeline.js';
import type { RunbookTimelineDraft } from '../runbooks/run-state.js';
import type { FieldType, FieldValue, LocalizedText } from '../runbooks/types.js';
import type { SloWindow } from '../slo/types.js';

/** One timeline entry as stored: what happened (the incident's and runbooks' kinds), when, and by whom. */
export type SnapshotEntry = (TimelineDraft | RunbookTimelineDraft) & {
  id: string;
  at: string;
  /** The actor's display name; null for Hikeshi itself. */
  actor: string | null;
};

export interface SnapshotField {
  label: LocalizedText;
  type: FieldType;
  value: FieldValue | null;
}

/** An SLO's budget an incident consumed (src/usecases/slos computes it at mitigation). */
export interface SloImpact {
  /** The SLO's name. */
  slo: string;
  /** The share of the window's error budget, 0..1 (or more when it overran). */
  budgetConsumed: number;
  /** Bad events or bad minutes the incident burnt, and the window's budget in the same unit. */
  bad: number;
  budget: number;
  unit: 'events' | 'minutes';
  window: SloWindow;
  /** The SLO is estimated from incidents, not measured. */
  estimated: boolean;
  /** Declared / resolved stood in for a missing impact start or mitigation. */
  fallback: boolean;
}

/**
 * What a postmortem draft is generated from: everything the incident already holds, read
 * by the use case in one transaction. People are given by display name, already resolved.
 */
export interface IncidentSnapshot {
  reference: string;
  title: string;
  summary: string;
  severity: string;
  status: IncidentStatus;
  services: ReadonlyArray<{ id: string; name: string }>;
  tags: readonly string[];
  /** Role → the person's display name. */
  roles: Readonly<Record<IncidentRole, string | null>>;
  impactStartedAt: string | null;
  detectedAt: string | null;
  declaredAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** Custom fields (cs_inquiries, affected_users, ...) by name. */
  fields: Readonly<Record<string, SnapshotField>>;
  /** Oldest first. */
  timeline: readonly SnapshotEntry[];
  /** Null: not computed (no SLO covers the incident's services, or SLOs are not set up). */
  sloImpact: readonly SloImpact[] | null;
  /** User id → display name, for action item owners and reviewers. */
  people: Readonly<Record<string, string>>;
}
