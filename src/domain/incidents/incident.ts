import type { IncidentFields } from '../fields/definition.js';
import type { IncidentStatus } from './status.js';

export const INCIDENT_ROLES = ['commander', 'communications', 'scribe'] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

export const INCIDENT_TIMESTAMPS = [
  'impactStartedAt',
  'detectedAt',
  'declaredAt',
  'acknowledgedAt',
  'mitigatedAt',
  'resolvedAt',
  'closedAt',
] as const;
export type IncidentTimestamp = (typeof INCIDENT_TIMESTAMPS)[number];

export interface Incident {
  id: string;
  number: number;
  title: string;
  summary: string;
  status: IncidentStatus;
  severity: string;
  tags: string[];
  serviceIds: string[];
  roles: Record<IncidentRole, string | null>;
  declaredById: string | null;
  impactStartedAt: string | null;
  detectedAt: string | null;
  declaredAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** Custom facts (settings `fields`) by key; a fact not known yet is absent. */
  fields: IncidentFields;
  createdAt: string;
  updatedAt: string;
}

export function incidentReference(number: number): string {
  return `INC-${number}`;
}

/** Accepts `INC-12`, `inc-12` or `12`; returns the number or undefined. */
export function parseIncidentReference(value: string): number | undefined {
  const match = /^(?:inc-)?(\d{1,9})$/i.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}
