import { DateTime } from 'luxon';
import { incidentReference } from '../../domain/incidents/incident.js';
import { overdue } from '../../domain/postmortems/action-items.js';
import { listActionItems, listOpenActionItems } from '../../store/repositories/action-items.js';
import type { Deps } from '../deps.js';
import { findIncident } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';
import { viewActionItems, type ActionItemView } from './action-item-view.js';
import { postmortemConfig } from './postmortem-config.js';

export async function listIncidentActionItems(deps: Deps, principal: Principal, incidentId: string): Promise<ActionItemView[]> {
  authorize(principal, 'viewer');
  return deps.db.transaction().execute(async (tx) => viewActionItems(tx, await listActionItems(tx, (await findIncident(tx, incidentId)).id)));
}

export interface OpenFollowUp extends ActionItemView {
  incident: { id: string; reference: string; title: string };
  /** Whole days past the due date in the team's time zone; 0 when not overdue. */
  daysOverdue: number;
}

/**
 * Open follow-ups across incidents; with `overdueOnly`, those whose due date has passed in
 * the team's time zone (an item due today is not overdue yet), most overdue first.
 */
export async function listOpenFollowUps(deps: Deps, principal: Principal, options: { overdueOnly: boolean }): Promise<OpenFollowUp[]> {
  authorize(principal, 'viewer');
  const today = DateTime.fromJSDate(deps.clock.now()).setZone(postmortemConfig(deps.settings).generate.timeZone).toISODate()!;
  return deps.db.transaction().execute(async (tx) => {
    const open = await listOpenActionItems(tx, options.overdueOnly ? { dueBefore: today } : {});
    const incidents = new Map(open.map((o) => [o.item.id, o.incident]));
    const late = overdue(open.map((o) => o.item), today);
    const daysOverdue = new Map(late.map((o) => [o.item.id, o.daysOverdue]));
    const items = options.overdueOnly ? late.map((o) => o.item) : open.map((o) => o.item);
    return (await viewActionItems(tx, items)).map((view) => {
      const incident = incidents.get(view.id)!;
      return { ...view, incident: { id: incident.id, reference: incidentReference(incident.number), title: incident.title }, daysOverdue: daysOverdue.get(view.id) ?? 0 };
    });
  });
}
