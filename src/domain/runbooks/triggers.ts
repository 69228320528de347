import type { RunbookDefinition, RunbookTrigger } from './types.js';

/** What a trigger looks at when an incident is declared. */
export interface TriggeringIncident {
  severity: string;
  services: ReadonlyArray<{ id: string; name: string }>;
  tags: readonly string[];
}

/**
 * The runbooks that start by themselves on this incident's declaration, in the order
 * given. `severities` is the configured list, worst first: "SEV2 or worse" holds for
 * SEV1 and SEV2. A severity no longer configured holds no severity trigger.
 */
export function runbooksToStart(
  runbooks: readonly RunbookDefinition[],
  incident: TriggeringIncident,
  severities: readonly string[],
): RunbookDefinition[] {
  return runbooks.filter((runbook) => runbook.triggers.some((trigger) => triggerHolds(trigger, incident, severities)));
}

export function triggerHolds(trigger: RunbookTrigger, incident: TriggeringIncident, severities: readonly string[]): boolean {
  if (trigger.severityAtLeast !== undefined) {
    const rank = severities.indexOf(incident.severity);
    const bound = severities.indexOf(trigger.severityAtLeast);
    if (rank < 0 || bound < 0 || rank > bound) return false;
  }
  if (trigger.service !== undefined) {
    const wanted = trigger.service.toLowerCase();
    if (!incident.services.some((service) => service.id === trigger.service || service.name.toLowerCase() === wanted)) return false;
  }
  if (trigger.tag !== undefined && !incident.tags.includes(trigger.tag)) return false;
  return true;
}
