import { regenerateDraft } from '../../domain/postmortems/draft.js';
import { getPostmortemForUpdate, updatePostmortem } from '../../store/repositories/postmortems.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';
import { readIncidentSnapshot } from './incident-snapshot.js';
import { postmortemConfig } from './postmortem-config.js';
import { presentPostmortem, readPostmortemContext, type PostmortemView } from './postmortem-view.js';

export interface RegeneratedPostmortem extends PostmortemView {
  /** Generated sections rewritten from the incident's current record. */
  refreshed: string[];
  /** Sections people edited, kept as written although the record now reads differently. */
  kept: string[];
}

/** Refreshes what Hikeshi wrote from the incident's record; what people wrote stays. */
export async function regeneratePostmortem(deps: Deps, principal: Principal, incidentId: string): Promise<RegeneratedPostmortem> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    const current = await getPostmortemForUpdate(tx, incident.id);
    const now = deps.clock.now();
    const config = postmortemConfig(deps.settings);
    const { postmortem, refreshed, keptEdited: kept } = regenerateDraft(current, config.template, await readIncidentSnapshot(tx, incident, deps.settings.fields), config.generate, now);
    await updatePostmortem(tx, postmortem, now);
    return { ...presentPostmortem(await readPostmortemContext(tx, deps, incident, postmortem)), refreshed, kept };
  });
}
