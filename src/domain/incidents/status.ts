export const INCIDENT_STATUSES = [
  'triage',
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'closed',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * Allowed moves. Triage may be closed directly (declined: not an incident); a resolved
 * incident may be reopened; closed is final, so reports and postmortems stay stable.
 */
export const STATUS_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triage: ['investigating', 'identified', 'monitoring', 'resolved', 'closed'],
  investigating: ['identified', 'monitoring', 'resolved'],
  identified: ['investigating', 'monitoring', 'resolved'],
  monitoring: ['investigating', 'identified', 'resolved'],
  resolved: ['investigating', 'closed'],
  closed: [],
};

export function isIncidentStatus(value: string): value is IncidentStatus {
  return (INCIDENT_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

export function isOpen(status: IncidentStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
