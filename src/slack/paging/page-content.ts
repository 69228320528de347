import type { Deps } from '../../usecases/deps.js';
import { getIncident } from '../../usecases/incidents/read-incidents.js';
import type { PageView } from '../../usecases/paging/page-view.js';
import type { Principal } from '../../usecases/principal.js';
import { pageLink } from './paged-text.js';
import type { PageMessageContent } from './page-message.js';

/** A page's direct message as the page is now (after a click, or when it changed elsewhere). */
export async function pageContent(deps: Deps, principal: Principal, page: PageView): Promise<PageMessageContent> {
  const publicUrl = deps.settings.publicUrl?.replace(/\/+$/, '');
  const incident = page.incidentId ? await getIncident(deps, page.incidentId, principal) : undefined;
  return {
    pageId: page.id,
    pageNumber: page.number,
    message: page.message,
    details: page.details,
    level: page.level,
    cycle: page.cycle,
    policyName: page.escalationPolicy?.name ?? null,
    status: page.status,
    incident: incident
      ? { reference: incident.reference, title: incident.title, url: publicUrl ? `${publicUrl}/incidents/${incident.id}` : null }
      : null,
    pageUrl: pageLink(publicUrl, page.id),
    createdByName: page.createdBy.name,
    ...contentState(page),
  };
}

export function contentState(page: PageView): Pick<PageMessageContent, 'acknowledged' | 'resolved'> {
  return {
    acknowledged: page.acknowledgedBy && page.acknowledgedAt ? { name: page.acknowledgedBy.name, at: page.acknowledgedAt } : null,
    resolved: page.resolvedBy && page.resolvedAt ? { name: page.resolvedBy.name, at: page.resolvedAt } : null,
  };
}
