import type { ValueSource } from '../../domain/fields/coerce.js';
import { changeIncident, type IncidentChange } from '../../domain/incidents/change.js';
import { updateIncident as saveIncident } from '../../store/repositories/incidents.js';
import { appendEvents } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { enqueueChangeJobs } from '../slack/enqueue-slack-jobs.js';
import { enqueueIncidentBudget } from '../slos/enqueue-incident-budget.js';
import { authorize, type Principal } from '../principal.js';
import { recordSeverityByPerson } from '../severity/person-set-severity.js';
import { findIncidentForUpdate } from './find-incident.js';
import { planFieldsChange, reevaluateAfterFieldChange } from './incident-fields.js';
import { viewIncident, type IncidentView } from './incident-view.js';
import { checkRoleHolders, resolveServiceIds } from './resolve-references.js';

export interface UpdateInput extends Omit<IncidentChange, 'serviceIds'> {
  services?: string[];
  /** Custom facts by field key (settings `fields`); null clears one. */
  fields?: Record<string, unknown>;
}

/** One change, one transaction: the row, and the timeline entry for each thing that changed. */
export async function updateIncident(
  deps: Deps,
  idOrReference: string,
  input: UpdateInput,
  principal: Principal,
  options: { fieldsFrom?: ValueSource } = {},
): Promise<IncidentView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const current = await findIncidentForUpdate(tx, idOrReference);
    const { services, fields, ...rest } = input;
    const change: IncidentChange = { ...rest };
    if (services !== undefined) change.serviceIds = await resolveServiceIds(tx, services);
    if (input.roles) await checkRoleHolders(tx, input.roles);
    const now = deps.clock.now();
    const changed = changeIncident(current, change, { severities: deps.settings.severities, now });
    const facts = fields === undefined ? undefined : await planFieldsChange(tx, deps, changed.incident, fields, options.fieldsFrom ?? 'api');
    const incident = facts?.incident ?? changed.incident;
    const timeline = [...changed.timeline, ...(facts?.timeline ?? [])];
    if (timeline.length) {
      await saveIncident(tx, incident, current);
      const events = await appendEvents(tx, incident.id, timeline, principal.actor, now);
      await enqueueChangeJobs(tx, deps, incident, events);
      await enqueueIncidentBudget(tx, incident, events, now);
      await recordSeverityByPerson(tx, deps, incident, current, now);
    }
    return viewIncident(tx, await reevaluateAfterFieldChange(tx, deps, incident, facts?.changed ?? [], now));
  });
}

export async function resolveIncident(
  deps: Deps,
  idOrReference: string,
  summary: string | undefined,
  principal: Principal,
): Promise<IncidentView> {
  return updateIncident(deps, idOrReference, { status: 'resolved', ...(summary === undefined ? {} : { summary }) }, principal);
}
