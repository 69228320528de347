import { createDraft } from '../../domain/postmortems/draft.js';
import { ConflictError } from '../../errors.js';
import { findPostmortem, insertPostmortem } from '../../store/repositories/postmortems.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';
import { readIncidentSnapshot } from './incident-snapshot.js';
import { postmortemConfig } from './postmortem-config.js';
import { presentPostmortem, readPostmortemContext, type PostmortemView } from './postmortem-view.js';

/**
 * Starts an incident's postmortem with a draft generated from what the incident holds.
 * Its owner is the incident commander (else whoever starts it), the person who ran the response.
 */
export async function createPostmortem(deps: Deps, principal: Principal, incidentId: string): Promise<PostmortemView> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    if (await findPostmortem(tx, incident.id)) {
      throw new ConflictError(`The incident already has a postmortem; regenerate it to refresh the generated sections.`, 'postmortem.exists');
    }
    const now = deps.clock.now();
    const config = postmortemConfig(deps.settings);
    const draft = createDraft(incident.id, config.template, await readIncidentSnapshot(tx, incident, deps.settings.fields), config.generate, now);
    const postmortem = { ...draft, ownerId: incident.roles.commander ?? principal.userId };
    await insertPostmortem(tx, postmortem, now);
    return presentPostmortem(await readPostmortemContext(tx, deps, incident, postmortem));
  });
}
