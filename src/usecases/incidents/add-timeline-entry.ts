import { writeEntry } from '../../domain/incidents/entries.js';
import type { HumanTimelineKind } from '../../domain/incidents/timeline.js';
import { appendEvents, type TimelineEvent } from '../../store/repositories/timeline.js';
import type { Deps } from '../deps.js';
import { enqueueEntryJobs } from '../slack/enqueue-slack-jobs.js';
import { authorize, type Principal } from '../principal.js';
import { findIncidentForUpdate } from './find-incident.js';

export async function addTimelineEntry(
  deps: Deps,
  idOrReference: string,
  input: { kind: HumanTimelineKind; body: string },
  principal: Principal,
): Promise<TimelineEvent> {
  authorize(principal, 'responder');
  return deps.db.transaction().execute(async (tx) => {
    const incident = await findIncidentForUpdate(tx, idOrReference);
    const now = deps.clock.now();
    const [event] = await appendEvents(tx, incident.id, [writeEntry(incident, input.kind, input.body)], principal.actor, now);
    await enqueueEntryJobs(tx, deps, incident, event!);
    return event!;
  });
}
