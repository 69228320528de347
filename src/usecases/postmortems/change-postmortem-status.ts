import { approvePostmortem, transitionPostmortem } from '../../domain/postmortems/lifecycle.js';
import type { Postmortem, PostmortemStatus } from '../../domain/postmortems/types.js';
import { ForbiddenError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import { getPostmortemForUpdate, updatePostmortem } from '../../store/repositories/postmortems.js';
import type { Deps } from '../deps.js';
import { findIncidentForUpdate } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';
import { presentPostmortem, readPostmortemContext, type PostmortemView } from './postmortem-view.js';

/** Draft → in review → published (or back to draft); the domain says why a move is refused. */
export async function transitionPostmortemStatus(deps: Deps, principal: Principal, incidentId: string, to: PostmortemStatus): Promise<PostmortemView> {
  authorize(principal, 'responder');
  return changePostmortem(deps, incidentId, (postmortem, now) => transitionPostmortem(postmortem, to, now));
}

/** The caller, a reviewer, approves the postmortem under review. */
export async function approvePostmortemAsReviewer(deps: Deps, principal: Principal, incidentId: string): Promise<PostmortemView> {
  authorize(principal, 'responder');
  // The postmortem is found first, so an unknown incident answers 404 whoever asks.
  return changePostmortem(deps, incidentId, (postmortem, now) => {
    const reviewerId = principal.userId;
    if (!reviewerId) throw new ForbiddenError('Only a person can approve a postmortem; this request was made with an API token, not as a user.');
    return approvePostmortem(postmortem, reviewerId, now);
  });
}

async function changePostmortem(deps: Deps, incidentId: string, change: (postmortem: Postmortem, now: Date) => Postmortem): Promise<PostmortemView> {
  return deps.db.transaction().execute(async (tx: Executor) => {
    const incident = await findIncidentForUpdate(tx, incidentId);
    const now = deps.clock.now();
    const postmortem = change(await getPostmortemForUpdate(tx, incident.id), now);
    await updatePostmortem(tx, postmortem, now);
    return presentPostmortem(await readPostmortemContext(tx, deps, incident, postmortem));
  });
}
