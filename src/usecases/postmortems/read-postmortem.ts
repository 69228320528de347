import { incidentReference } from '../../domain/incidents/incident.js';
import { postmortemMarkdown } from '../../domain/postmortems/markdown.js';
import type { Language } from '../../domain/runbooks/types.js';
import { NotFoundError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import { findPostmortem } from '../../store/repositories/postmortems.js';
import type { Deps } from '../deps.js';
import { findIncident } from '../incidents/find-incident.js';
import { authorize, type Principal } from '../principal.js';
import { presentPostmortem, readPostmortemContext, type PostmortemContext, type PostmortemView } from './postmortem-view.js';

export async function getPostmortem(deps: Deps, principal: Principal, incidentId: string): Promise<PostmortemView> {
  authorize(principal, 'viewer');
  return deps.db.transaction().execute(async (tx) => presentPostmortem(await readContext(tx, deps, incidentId)));
}

/** The postmortem as one Markdown file for the team's wiki, in English or Japanese. */
export async function exportPostmortemMarkdown(
  deps: Deps,
  principal: Principal,
  incidentId: string,
  language: Language = 'en',
): Promise<{ filename: string; markdown: string }> {
  authorize(principal, 'viewer');
  return deps.db.transaction().execute(async (tx) => {
    const { incident, postmortem, actionItems, snapshot, config, readiness } = await readContext(tx, deps, incidentId);
    const markdown = postmortemMarkdown({ postmortem, actionItems, template: config.template, snapshot, readiness, language, timeZone: config.generate.timeZone });
    return { filename: `${incidentReference(incident.number)}-postmortem${language === 'en' ? '' : `.${language}`}.md`, markdown };
  });
}

async function readContext(tx: Executor, deps: Deps, incidentId: string): Promise<PostmortemContext> {
  const incident = await findIncident(tx, incidentId);
  const postmortem = await findPostmortem(tx, incident.id);
  if (!postmortem) throw new NotFoundError('postmortem', incidentReference(incident.number));
  return readPostmortemContext(tx, deps, incident, postmortem);
}
